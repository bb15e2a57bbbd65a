import type { Database } from './schema';

/**
 * Every column of every table, as the app's types declare them. TypeScript fails if a column is
 * added to `Database` and not here (or the other way round); tests/db/schema.test.ts fails if the
 * migrated database differs from this list. Together they keep types and migrations in step.
 */
export const tableColumns = {
	council: ['id', 'code', 'name', 'created_at', 'attribute_threshold'],
	figures_version: ['council_id', 'year', 'version'],
	provider: ['id', 'name', 'regulator_reference', 'created_at'],
	commission: ['council_id', 'provider_id', 'starts_on', 'ends_on'],
	service: [
		'id',
		'provider_id',
		'council_id',
		'name',
		'kind',
		'created_at',
		'safeguarding_lead_id'
	],
	measure: ['id', 'label', 'outcome', 'framework', 'respondent', 'kind', 'position'],
	survey: ['id', 'title', 'variant', 'respondent', 'created_at'],
	survey_version: ['id', 'survey_id', 'content_hash', 'definition', 'rules', 'created_at'],
	app_user: [
		'id',
		'email',
		'display_name',
		'role',
		'council_id',
		'provider_id',
		'password_hash',
		'totp_secret',
		'totp_pending_secret',
		'totp_last_step',
		'failed_sign_ins',
		'locked_until',
		'created_at',
		'disabled_at'
	],
	session: [
		'id_hash',
		'user_id',
		'created_at',
		'last_seen_at',
		'expires_at',
		'awaiting_second_factor',
		'locked_response_id'
	],
	password_reset: ['token_hash', 'user_id', 'created_by', 'created_at', 'expires_at', 'used_at'],
	rate_limit: ['key', 'window_start', 'hits'],
	app_setting: ['name', 'value', 'updated_at'],
	sign_in_guard: ['key', 'failed_sign_ins', 'locked_until', 'updated_at'],
	child: [
		'id',
		'provider_id',
		'reference',
		'display_name',
		'date_of_birth',
		'send_needs',
		'communication_needs',
		'preferred_variant',
		'preferred_language',
		'created_at',
		'erased_at'
	],
	care_package: [
		'id',
		'child_id',
		'service_id',
		'starts_on',
		'ends_on',
		'personal_care_hours',
		'short_break_daytime_hours',
		'break_time_hours',
		'break_time_plus_hours',
		'overnight_hours',
		'created_at',
		'end_reason',
		'end_explanation'
	],
	invitation: [
		'id',
		'survey_id',
		'service_id',
		'child_id',
		'respondent',
		'source',
		'token_hash',
		'code_hash',
		'is_open',
		'language',
		'expires_at',
		'revoked_at',
		'created_by',
		'created_at',
		'response_cap',
		'responses_started'
	],
	response: [
		'id',
		'survey_version_id',
		'invitation_id',
		'service_id',
		'child_id',
		'source',
		'language',
		'variant',
		'completion_mode',
		'assisted_by',
		'age_band',
		'send_need',
		'client_submission_id',
		'current_question',
		'resume_token_hash',
		'started_at',
		'updated_at',
		'completed_at'
	],
	answer: ['response_id', 'question_name', 'value', 'measure_id', 'classification', 'answered_at'],
	safeguarding_alert: [
		'id',
		'response_id',
		'question_name',
		'service_id',
		'raised_at',
		'due_at',
		'acknowledged_at',
		'acknowledged_by',
		'note'
	],
	audit_event: ['id', 'at', 'actor_user_id', 'action', 'subject_type', 'subject_id', 'details'],
	measure_tally: [
		'council_id',
		'provider_id',
		'service_id',
		'month',
		'measure_id',
		'completion_mode',
		'source',
		'positive',
		'negative',
		'not_counted'
	],
	measure_tally_all: [
		'council_id',
		'provider_id',
		'service_id',
		'month',
		'measure_id',
		'positive',
		'negative',
		'not_counted'
	],
	measure_tally_by: [
		'council_id',
		'provider_id',
		'service_id',
		'month',
		'measure_id',
		'completion_mode',
		'source',
		'positive',
		'negative',
		'not_counted',
		'dimension',
		'value'
	],
	measure_tally_by_all: [
		'council_id',
		'provider_id',
		'service_id',
		'month',
		'measure_id',
		'positive',
		'negative',
		'not_counted',
		'dimension',
		'value'
	],
	measure_target: [
		'id',
		'council_id',
		'provider_id',
		'measure_id',
		'green_from',
		'amber_from',
		'updated_by',
		'updated_at'
	],
	activity_session: [
		'id',
		'care_package_id',
		'service_id',
		'held_on',
		'hour_type',
		'hours',
		'status',
		'activity',
		'recorded_by',
		'created_at'
	],
	provider_return: [
		'id',
		'council_id',
		'provider_id',
		'kind',
		'period_key',
		'status',
		'created_at',
		'updated_at'
	],
	provider_return_revision: [
		'return_id',
		'revision',
		'entered',
		'assembled',
		'created_by',
		'created_at',
		'submitted_by',
		'submitted_at',
		'decision',
		'decided_by',
		'decided_at',
		'comment'
	],
	care_package_report: ['care_package_id', 'response_id', 'created_by', 'created_at']
} as const satisfies { [T in keyof Database]: readonly (keyof Database[T])[] };

type Listed = typeof tableColumns;
type Unlisted = {
	[T in keyof Database]: Exclude<keyof Database[T], Listed[T][number]>;
}[keyof Database];
// Compile-time proof that no declared column is missing from the list above.
const everyColumnListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyColumnListed;
