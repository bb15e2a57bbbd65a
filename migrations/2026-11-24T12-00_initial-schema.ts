import { sql, type Kysely } from 'kysely';

// The first schema, designed for the whole product (PRODUCT.md): organisations, immutable survey
// versions with the counting rules they carry, children and care packages (pseudonymised),
// invitations, responses with one row per answer, staff accounts, sessions, rate limits,
// safeguarding alerts and an append-only audit log. Frozen: later changes are new migrations.

const now = sql`now()`;
const uuid = sql`gen_random_uuid()`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('council')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.execute();

	await db.schema
		.createTable('provider')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('regulator_reference', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.execute();

	// A council commissions a provider; a provider may work for several councils.
	await db.schema
		.createTable('commission')
		.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
		.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
		.addColumn('starts_on', 'date', (c) => c.notNull())
		.addColumn('ends_on', 'date')
		.addPrimaryKeyConstraint('commission_pk', ['council_id', 'provider_id'])
		.execute();

	await db.schema
		.createTable('service')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
		.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('short_break', 'childrens_home')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema.createIndex('service_provider_idx').on('service').column('provider_id').execute();

	// The measures catalogue, kept in step with src/lib/server/catalogue/measures.json at start.
	await db.schema
		.createTable('measure')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('framework', 'text', (c) => c.notNull())
		.addColumn('respondent', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('percent', 'count')`))
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('survey')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('variant', 'text', (c) => c.notNull())
		.addColumn('respondent', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.execute();

	// Immutable: a changed file becomes a new version; responses point at the version answered,
	// and `rules` keeps that version's counting rules so history is never rewritten.
	await db.schema
		.createTable('survey_version')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
		.addColumn('content_hash', 'text', (c) => c.notNull())
		.addColumn('definition', 'jsonb', (c) => c.notNull())
		.addColumn('rules', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addUniqueConstraint('survey_version_hash_uq', ['survey_id', 'content_hash'])
		.execute();

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.check(sql`role in ('administrator', 'commissioner', 'provider_manager', 'provider_staff')`)
		)
		.addColumn('council_id', 'uuid', (c) => c.references('council.id'))
		.addColumn('provider_id', 'uuid', (c) => c.references('provider.id'))
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('totp_secret', 'text')
		.addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('disabled_at', 'timestamptz')
		// A commissioner belongs to a council, provider staff to a provider, an administrator to
		// neither: every query can then be scoped to the caller's organisation.
		.addCheckConstraint(
			'app_user_scope_ck',
			sql`(role = 'administrator' and council_id is null and provider_id is null)
				or (role = 'commissioner' and council_id is not null and provider_id is null)
				or (role in ('provider_manager', 'provider_staff') and provider_id is not null and council_id is null)`
		)
		.execute();
	await db.schema
		.createIndex('app_user_email_uq')
		.on('app_user')
		.expression(sql`lower(email)`)
		.unique()
		.execute();

	// Sessions, rate limits and locks live here so that app servers share nothing else.
	await db.schema
		.createTable('session')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('rate_limit')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('window_start', 'timestamptz', (c) => c.notNull())
		.addColumn('hits', 'integer', (c) => c.notNull())
		.execute();

	// Pseudonymised: the provider's own reference and a first name or initials, never a full name.
	await db.schema
		.createTable('child')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
		.addColumn('reference', 'text', (c) => c.notNull())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('date_of_birth', 'date')
		.addColumn('send_needs', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('communication_needs', 'text')
		.addColumn('preferred_variant', 'text')
		.addColumn('preferred_language', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('erased_at', 'timestamptz')
		.addUniqueConstraint('child_reference_uq', ['provider_id', 'reference'])
		.execute();

	await db.schema
		.createTable('care_package')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('child_id', 'uuid', (c) => c.notNull().references('child.id'))
		.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
		.addColumn('starts_on', 'date', (c) => c.notNull())
		.addColumn('ends_on', 'date')
		.addColumn('personal_care_hours', 'numeric(8, 2)', (c) => c.notNull().defaultTo(0))
		.addColumn('short_break_daytime_hours', 'numeric(8, 2)', (c) => c.notNull().defaultTo(0))
		.addColumn('break_time_hours', 'numeric(8, 2)', (c) => c.notNull().defaultTo(0))
		.addColumn('break_time_plus_hours', 'numeric(8, 2)', (c) => c.notNull().defaultTo(0))
		.addColumn('overnight_hours', 'numeric(8, 2)', (c) => c.notNull().defaultTo(0))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addCheckConstraint('care_package_dates_ck', sql`ends_on is null or ends_on >= starts_on`)
		.execute();

	const sources = sql`('annual_review', 'end_of_care_package', 'satisfaction_survey', 'family_review')`;

	// Only hashes of the link token and the short code are stored: a database leak reveals neither.
	await db.schema
		.createTable('invitation')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('survey_id', 'text', (c) => c.notNull().references('survey.id'))
		.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
		.addColumn('child_id', 'uuid', (c) => c.references('child.id'))
		.addColumn('respondent', 'text', (c) =>
			c.notNull().check(sql`respondent in ('child', 'carer', 'staff')`)
		)
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ${sources}`))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('code_hash', 'text', (c) => c.unique())
		.addColumn('is_open', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('language', 'text')
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.execute();

	await db.schema
		.createTable('response')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('survey_version_id', 'uuid', (c) => c.notNull().references('survey_version.id'))
		.addColumn('invitation_id', 'uuid', (c) => c.references('invitation.id'))
		.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
		.addColumn('child_id', 'uuid', (c) => c.references('child.id').onDelete('set null'))
		.addColumn('source', 'text', (c) => c.notNull().check(sql`source in ${sources}`))
		.addColumn('language', 'text', (c) => c.notNull())
		.addColumn('variant', 'text', (c) => c.notNull())
		.addColumn('completion_mode', 'text', (c) =>
			c.check(sql`completion_mode in ('alone', 'helped', 'proxy')`)
		)
		.addColumn('assisted_by', 'uuid', (c) => c.references('app_user.id'))
		// Kept on the response so statistics survive erasure of the child's record.
		.addColumn('age_band', 'text')
		.addColumn('send_need', 'text')
		.addColumn('client_submission_id', 'uuid', (c) => c.notNull().unique())
		.addColumn('current_question', 'text')
		.addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('completed_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('response_service_completed_idx')
		.on('response')
		.columns(['service_id', 'completed_at'])
		.execute();
	await db.schema
		.createIndex('response_invitation_idx')
		.on('response')
		.column('invitation_id')
		.execute();

	await db.schema
		.createTable('answer')
		.addColumn('response_id', 'uuid', (c) =>
			c.notNull().references('response.id').onDelete('cascade')
		)
		.addColumn('question_name', 'text', (c) => c.notNull())
		.addColumn('value', 'jsonb', (c) => c.notNull())
		.addColumn('measure_id', 'text', (c) => c.references('measure.id'))
		.addColumn('classification', 'text', (c) =>
			c.check(sql`classification in ('positive', 'negative', 'not_counted')`)
		)
		.addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addPrimaryKeyConstraint('answer_pk', ['response_id', 'question_name'])
		.addCheckConstraint('answer_measure_ck', sql`(measure_id is null) = (classification is null)`)
		.execute();
	// One response counts once per measure (PRODUCT.md, counting rule).
	await db.schema
		.createIndex('answer_response_measure_uq')
		.on('answer')
		.columns(['response_id', 'measure_id'])
		.unique()
		.where(sql.ref('measure_id'), 'is not', null)
		.execute();
	await db.schema
		.createIndex('answer_measure_idx')
		.on('answer')
		.columns(['measure_id', 'classification'])
		.execute();

	await db.schema
		.createTable('safeguarding_alert')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('response_id', 'uuid', (c) => c.notNull().references('response.id'))
		.addColumn('question_name', 'text', (c) => c.notNull())
		.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
		.addColumn('raised_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('due_at', 'timestamptz', (c) => c.notNull())
		.addColumn('acknowledged_at', 'timestamptz')
		.addColumn('acknowledged_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('note', 'text')
		.addUniqueConstraint('safeguarding_alert_uq', ['response_id', 'question_name'])
		.execute();

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(now))
		.addColumn('actor_user_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_type', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text')
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.execute();
	// Append-only: the database itself refuses to change or remove an audit record.
	await sql`
		create function audit_event_append_only() returns trigger language plpgsql as $$
		begin
			raise exception 'audit_event is append-only';
		end $$`.execute(db);
	await sql`
		create trigger audit_event_no_change before update or delete on audit_event
		for each row execute function audit_event_append_only()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'audit_event',
		'safeguarding_alert',
		'answer',
		'response',
		'invitation',
		'care_package',
		'child',
		'rate_limit',
		'session',
		'app_user',
		'survey_version',
		'survey',
		'measure',
		'service',
		'commission',
		'provider',
		'council'
	]) {
		await db.schema.dropTable(table).execute();
	}
	await sql`drop function audit_event_append_only()`.execute(db);
}
