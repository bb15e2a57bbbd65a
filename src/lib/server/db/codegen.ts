import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import {
	PostgresDialect,
	serializeFromMetadata,
	type ColumnMetadata,
	type DatabaseMetadata
} from 'kysely-codegen';
import { format, resolveConfig } from 'prettier';

// How `npm run db:types` turns a freshly migrated database into tables.ts, and how
// tests/db/schema.test.ts checks that tables.ts still matches the migrations. Build-time only:
// nothing the app runs imports this file.

export const TABLES_FILE = fileURLToPath(new URL('./tables.ts', import.meta.url));

/**
 * The type of each column whose database type says less than the app knows, without its `null`
 * or default: those are added from the database (see `annotate`), so a change of nullability
 * or default in a migration still changes tables.ts.
 */
const COLUMN_TYPES: Record<string, string> = {
	// Text columns that hold one of the domain's words. Each has a check constraint with the
	// migration's frozen copy of the list; the app's type comes from its one list in src/lib/domain.
	'activity_session.hour_type': 'HourType',
	'activity_session.status': 'AttendanceStatus',
	'answer.classification': 'Classification',
	'app_user.role': 'Role',
	'care_package.end_reason': 'EndReason',
	'commission.framework': 'Framework',
	'invitation.respondent': 'Respondent',
	'invitation.source': 'Source',
	'invitation_delivery.channel': 'MessageChannel',
	'message.channel': 'MessageChannel',
	'message.kind': 'MessageKind',
	'notification_opt_out.kind': 'NotificationKind',
	'provider_return.kind': 'ReturnKind',
	'provider_return.status': 'ReturnStatus',
	'response.completion_mode': 'CompletionMode',
	'response.source': 'Source',
	'service.kind': 'ServiceKind',
	'service.hour_types': 'HourType[]',
	// Words with no list of their own yet: the literals of the column's check constraint.
	'measure.kind': 'MeasureKind',
	'provider_return_revision.decision': "'accepted' | 'returned'",
	'message.status': "'sending' | 'sent'",
	// jsonb columns: the database only knows "JSON"; the app knows each one's shape and writes text.
	'answer.value': 'JsonText<unknown>',
	'audit_event.details': 'JsonText<Record<string, unknown>>',
	'child.send_needs': 'JsonText<string[]>',
	'provider_return_revision.assembled': 'JsonText<Record<string, unknown>>',
	'provider_return_revision.entered': 'JsonText<Record<string, unknown>>',
	'survey_version.definition': 'JsonText<Record<string, unknown>>',
	'survey_version.rules': 'JsonText<SurveyRules>'
};

/** What the app's code needs to know about a column that its name and type do not say. */
const COLUMN_NOTES: Record<string, string> = {
	'invitation_delivery.sealed_address':
		'A carer’s email address or mobile number, sealed, kept only until the message has gone.',
	'app_setting.name': "A fact about the installation itself (the application key's check value).",
	'commission.framework':
		'Decides the measures and returns that apply: Lancashire short breaks or Dorset children’s homes.',
	'council.retired_at': 'Retired: kept in past figures, offered for nothing new.',
	'provider.retired_at': 'Retired: kept in past figures, offered for nothing new.',
	'service.retired_at': 'Retired: kept in past figures, offered for nothing new.',
	'council.attribute_threshold':
		'Below this many answers a 0% or 100% figure is hidden; null: the default.',
	'council.require_sso':
		"The council's own accounts sign in with the identity provider only, never a password.",
	'figures_version.version':
		"Raised whenever the council's tallies for this financial year change, so every server knows.",
	'figures_version.year': 'The first day of the financial year.',
	'invitation.response_cap': 'The most responses an open link takes; null for no cap.',
	'invitation.responses_started':
		'Responses started through an open link, raised atomically with each start.',
	'oidc_sign_in.id_hash':
		"The hash of the random id in the browser's cookie while a sign-in is at the identity provider.",
	'sign_in_guard.key':
		"An address without an account, whose failed sign-ins are counted like app_user's own."
};

/** Where the types named above come from, relative to tables.ts. */
const CUSTOM_IMPORTS: Record<string, string> = {
	AttendanceStatus: '../../domain/attendance',
	BigIntValue: './column-types',
	Classification: '../../domain/classifications',
	CompletionMode: '../../domain/completion-modes',
	EndReason: '../../domain/care-packages',
	Framework: '../../domain/frameworks',
	HourType: '../../domain/hour-types',
	JsonText: './column-types',
	Respondent: '../../domain/respondents',
	ReturnKind: '../../domain/return-kinds',
	ReturnStatus: '../../domain/return-kinds',
	MeasureKind: '../../domain/measure-kinds',
	MessageChannel: '../../domain/notifications',
	MessageKind: '../../domain/notifications',
	NotificationKind: '../../domain/notifications',
	Role: '../../domain/roles',
	ServiceKind: '../../domain/service-kinds',
	Source: '../../domain/sources',
	SurveyRules: './column-types'
};

/**
 * Database types read differently from kysely-codegen's defaults because of how connect.ts and
 * the two drivers read them: dates and numerics come back as text from both (the `dateParser` and
 * `numericParser` below), and a bigint as text from `pg` but a number from PGlite.
 */
const TYPE_MAPPING = { int8: 'BigIntValue' };

const HEADER = `// Generated by \`npm run db:types\` from the migrated schema (kysely-codegen, with the overrides
// in codegen.ts). Do not edit: tests/db/schema.test.ts fails when this file and the migrations
// disagree. It is as long as the schema: one interface per table, in one place.
`;

/**
 * Applies the notes and returns the overrides for one database, each column's type wrapped in
 * the column's nullability and default as the database has them.
 */
function annotate(metadata: DatabaseMetadata): Record<string, string> {
	const columns = new Map<string, ColumnMetadata>(
		metadata.tables.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c] as const))
	);
	const column = (name: string) => {
		const found = columns.get(name);
		if (!found) throw new Error(`codegen.ts describes ${name}, which the database lacks`);
		return found;
	};
	for (const [name, note] of Object.entries(COLUMN_NOTES)) column(name).comment = note;
	return Object.fromEntries(
		Object.entries(COLUMN_TYPES).map(([name, type]) => {
			const { isNullable, hasDefaultValue } = column(name);
			const value = isNullable ? `${type} | null` : type;
			return [name, hasDefaultValue ? `Generated<${value}>` : value];
		})
	);
}

/** The text of tables.ts for the migrated database `db`, whose tables live in `schema`. */
export async function generateTables(
	// Like Kysely's Migrator: the introspector reads the catalogue, not the app's tables.
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	db: Kysely<any>,
	schema = 'public'
): Promise<string> {
	const dialect = new PostgresDialect({
		dateParser: 'string',
		numericParser: 'string',
		defaultSchemas: [schema]
	});
	const metadata = await dialect.introspector.introspect({ db, includePattern: `${schema}.*` });
	const text = serializeFromMetadata({
		metadata,
		dialect,
		defaultSchemas: [schema],
		customImports: CUSTOM_IMPORTS,
		overrides: { columns: annotate(metadata) },
		typeMapping: TYPE_MAPPING,
		skipAutogeneratedFileComment: true
	});
	const options = await resolveConfig(TABLES_FILE);
	return format(HEADER + '\n' + text, { ...options, filepath: TABLES_FILE });
}
