import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AttendanceStatus } from '../../domain/attendance';
import type { EndReason } from '../../domain/care-packages';
import type { Classification } from '../../domain/classifications';
import type { CompletionMode } from '../../domain/completion-modes';
import type { HourType } from '../../domain/hour-types';
import type { Respondent } from '../../domain/respondents';
import type { Role } from '../../domain/roles';
import type { ServiceKind } from '../../domain/service-kinds';
import type { Source } from '../../domain/sources';
import type { ReturnKind } from '../../domain/return-kinds';

// The one description of the database the app's queries are checked against; a test compares it
// with the migrated schema (tests/db/schema.test.ts).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;
type Numeric = ColumnType<string, number | string | undefined, number | string>;

/** A question's counting rule, as stored with the survey version that carries it. */
export interface MeasureRule {
	measure: string;
	positive: unknown[];
	notCounted: unknown[];
	safeguarding: unknown[];
}
export type SurveyRules = Record<string, MeasureRule>;

export interface CouncilTable {
	id: Generated<string>;
	code: string;
	name: string;
	created_at: Generated<Date>;
	/** Below this many answers a 0% or 100% figure is hidden; null: the default. */
	attribute_threshold: Generated<number | null>;
}

/** Raised whenever a council's tallies for a financial year change, so every server knows. */
export interface FiguresVersionTable {
	council_id: string;
	/** The first day of the financial year. */
	year: string;
	version: Generated<string>;
}

export interface ProviderTable {
	id: Generated<string>;
	name: string;
	regulator_reference: string | null;
	created_at: Generated<Date>;
}

export interface CommissionTable {
	council_id: string;
	provider_id: string;
	starts_on: DateOnly;
	ends_on: DateOnly | null;
}

export interface ServiceTable {
	id: Generated<string>;
	provider_id: string;
	council_id: string;
	name: string;
	kind: ServiceKind;
	created_at: Generated<Date>;
	safeguarding_lead_id: string | null;
}

export interface MeasureTable {
	id: string;
	label: string;
	outcome: string;
	framework: string;
	respondent: string;
	kind: 'percent' | 'count';
	position: number;
}

export interface SurveyTable {
	id: string;
	title: string;
	variant: string;
	respondent: string;
	created_at: Generated<Date>;
}

export interface SurveyVersionTable {
	id: Generated<string>;
	survey_id: string;
	content_hash: string;
	definition: Json<Record<string, unknown>>;
	rules: Json<SurveyRules>;
	created_at: Generated<Date>;
}

export interface AppUserTable {
	id: Generated<string>;
	email: string;
	display_name: string;
	role: Role;
	council_id: string | null;
	provider_id: string | null;
	password_hash: string;
	totp_secret: string | null;
	totp_pending_secret: string | null;
	totp_last_step: number | null;
	failed_sign_ins: Generated<number>;
	locked_until: Timestamp | null;
	created_at: Generated<Date>;
	disabled_at: Timestamp | null;
}

export interface SessionTable {
	id_hash: string;
	user_id: string;
	created_at: Generated<Date>;
	last_seen_at: Generated<Date>;
	expires_at: Timestamp;
	awaiting_second_factor: Generated<boolean>;
	locked_response_id: string | null;
}

export interface PasswordResetTable {
	token_hash: string;
	user_id: string;
	created_by: string | null;
	created_at: Generated<Date>;
	expires_at: Timestamp;
	used_at: Timestamp | null;
}

export interface RateLimitTable {
	key: string;
	window_start: Timestamp;
	hits: number;
}

/** Facts about the installation itself (the application key's check value). */
export interface AppSettingTable {
	name: string;
	value: string;
	updated_at: Timestamp;
}

/** Failed sign-ins for addresses without an account, counted like app_user's own. */
export interface SignInGuardTable {
	key: string;
	failed_sign_ins: Generated<number>;
	locked_until: Timestamp | null;
	updated_at: Timestamp;
}

export interface ChildTable {
	id: Generated<string>;
	provider_id: string;
	reference: string;
	display_name: string;
	date_of_birth: DateOnly | null;
	send_needs: Json<string[]>;
	communication_needs: string | null;
	preferred_variant: string | null;
	preferred_language: string | null;
	created_at: Generated<Date>;
	erased_at: Timestamp | null;
}

export interface CarePackageTable {
	id: Generated<string>;
	child_id: string;
	service_id: string;
	starts_on: DateOnly;
	ends_on: DateOnly | null;
	personal_care_hours: Numeric;
	short_break_daytime_hours: Numeric;
	break_time_hours: Numeric;
	break_time_plus_hours: Numeric;
	overnight_hours: Numeric;
	created_at: Generated<Date>;
	end_reason: EndReason | null;
	end_explanation: string | null;
}

export interface ActivitySessionTable {
	id: Generated<string>;
	care_package_id: string;
	service_id: string;
	held_on: DateOnly;
	hour_type: HourType;
	hours: Numeric;
	status: AttendanceStatus;
	activity: string | null;
	recorded_by: string | null;
	created_at: Generated<Date>;
}

export type ReturnStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

export interface ProviderReturnTable {
	id: Generated<string>;
	council_id: string;
	provider_id: string;
	kind: ReturnKind;
	period_key: string;
	status: ReturnStatus;
	created_at: Generated<Date>;
	updated_at: Generated<Date>;
}

export interface ProviderReturnRevisionTable {
	return_id: string;
	revision: number;
	entered: Json<Record<string, unknown>>;
	assembled: Json<Record<string, unknown>> | null;
	created_by: string | null;
	created_at: Generated<Date>;
	submitted_by: string | null;
	submitted_at: Timestamp | null;
	decision: 'accepted' | 'returned' | null;
	decided_by: string | null;
	decided_at: Timestamp | null;
	comment: string | null;
}

export interface CarePackageReportTable {
	care_package_id: string;
	response_id: string;
	created_by: string | null;
	created_at: Generated<Date>;
}

export interface InvitationTable {
	id: Generated<string>;
	survey_id: string;
	service_id: string;
	child_id: string | null;
	respondent: Respondent;
	source: Source;
	token_hash: string;
	code_hash: string | null;
	is_open: Generated<boolean>;
	language: string | null;
	expires_at: Timestamp;
	revoked_at: Timestamp | null;
	created_by: string | null;
	created_at: Generated<Date>;
	/** The most responses an open link takes; null for no cap. */
	response_cap: number | null;
	/** Responses started through an open link, raised atomically with each start. */
	responses_started: Generated<number>;
}

export interface ResponseTable {
	id: Generated<string>;
	survey_version_id: string;
	invitation_id: string | null;
	service_id: string;
	child_id: string | null;
	source: Source;
	language: string;
	variant: string;
	completion_mode: CompletionMode | null;
	assisted_by: string | null;
	age_band: string | null;
	send_need: string | null;
	client_submission_id: string;
	current_question: string | null;
	resume_token_hash: string | null;
	started_at: Generated<Date>;
	updated_at: Generated<Date>;
	completed_at: Timestamp | null;
}

export interface AnswerTable {
	response_id: string;
	question_name: string;
	value: Json<unknown>;
	measure_id: string | null;
	classification: Classification | null;
	answered_at: Generated<Date>;
}

export interface SafeguardingAlertTable {
	id: Generated<string>;
	response_id: string;
	question_name: string;
	service_id: string;
	raised_at: Generated<Date>;
	due_at: Timestamp;
	acknowledged_at: Timestamp | null;
	acknowledged_by: string | null;
	note: string | null;
}

export interface AuditEventTable {
	id: Generated<string>;
	at: Generated<Date>;
	actor_user_id: string | null;
	action: string;
	subject_type: string;
	subject_id: string | null;
	details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface MeasureTallyTable {
	council_id: string;
	provider_id: string;
	service_id: string;
	month: DateOnly;
	measure_id: string;
	completion_mode: string;
	source: string;
	positive: number;
	negative: number;
	not_counted: number;
}

export type MeasureTallyAllTable = Omit<MeasureTallyTable, 'completion_mode' | 'source'>;

export interface MeasureTallyByAllTable extends MeasureTallyAllTable {
	dimension: string;
	value: string;
}

export interface MeasureTallyByTable extends MeasureTallyTable {
	dimension: string;
	value: string;
}

export interface MeasureTargetTable {
	id: Generated<string>;
	council_id: string;
	provider_id: string | null;
	measure_id: string;
	green_from: Numeric;
	amber_from: Numeric;
	updated_by: string | null;
	updated_at: Generated<Date>;
}

export interface Database {
	council: CouncilTable;
	provider: ProviderTable;
	commission: CommissionTable;
	service: ServiceTable;
	measure: MeasureTable;
	survey: SurveyTable;
	survey_version: SurveyVersionTable;
	app_user: AppUserTable;
	session: SessionTable;
	password_reset: PasswordResetTable;
	rate_limit: RateLimitTable;
	app_setting: AppSettingTable;
	figures_version: FiguresVersionTable;
	sign_in_guard: SignInGuardTable;
	child: ChildTable;
	care_package: CarePackageTable;
	invitation: InvitationTable;
	response: ResponseTable;
	answer: AnswerTable;
	safeguarding_alert: SafeguardingAlertTable;
	audit_event: AuditEventTable;
	measure_tally: MeasureTallyTable;
	measure_tally_all: MeasureTallyAllTable;
	measure_tally_by: MeasureTallyByTable;
	measure_tally_by_all: MeasureTallyByAllTable;
	measure_target: MeasureTargetTable;
	activity_session: ActivitySessionTable;
	provider_return: ProviderReturnTable;
	provider_return_revision: ProviderReturnRevisionTable;
	care_package_report: CarePackageReportTable;
}

export type Council = Selectable<CouncilTable>;
export type NewCouncil = Insertable<CouncilTable>;
export type Provider = Selectable<ProviderTable>;
export type NewProvider = Insertable<ProviderTable>;
export type Service = Selectable<ServiceTable>;
export type NewService = Insertable<ServiceTable>;
export type Measure = Selectable<MeasureTable>;
export type SurveyVersion = Selectable<SurveyVersionTable>;
export type Response = Selectable<ResponseTable>;
export type NewResponse = Insertable<ResponseTable>;
export type Answer = Selectable<AnswerTable>;
export type NewAnswer = Insertable<AnswerTable>;
export type Invitation = Selectable<InvitationTable>;
export type NewInvitation = Insertable<InvitationTable>;
export type AppUser = Selectable<AppUserTable>;
export type Session = Selectable<SessionTable>;
export type Child = Selectable<ChildTable>;
export type NewChild = Insertable<ChildTable>;
export type CarePackage = Selectable<CarePackageTable>;
export type NewCarePackage = Insertable<CarePackageTable>;
export type SafeguardingAlert = Selectable<SafeguardingAlertTable>;
export type AuditEvent = Selectable<AuditEventTable>;
export type ActivitySession = Selectable<ActivitySessionTable>;
export type ProviderReturn = Selectable<ProviderReturnTable>;
export type ProviderReturnRevision = Selectable<ProviderReturnRevisionTable>;
