import { sql, type Kysely } from 'kysely';

// The staff side: two-factor sign-in (a secret being set up, and the last time step used so a
// code cannot be replayed), sessions that wait for the second factor or are locked while a child
// answers on a staff tablet, one-time password reset links, and a safeguarding lead per service.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('app_user')
		.addColumn('totp_pending_secret', 'text')
		.addColumn('totp_last_step', 'integer')
		.execute();
	await db.schema
		.alterTable('session')
		.addColumn('awaiting_second_factor', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('locked_response_id', 'uuid', (c) =>
			c.references('response.id').onDelete('set null')
		)
		.execute();
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
	await db.schema
		.createTable('password_reset')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.execute();
	await db.schema
		.alterTable('service')
		.addColumn('safeguarding_lead_id', 'uuid', (c) => c.references('app_user.id'))
		.execute();
	await db.schema.createIndex('audit_event_at_idx').on('audit_event').column('at').execute();
	await db.schema
		.createIndex('safeguarding_alert_service_idx')
		.on('safeguarding_alert')
		.columns(['service_id', 'acknowledged_at'])
		.execute();
	await db.schema.createIndex('child_provider_idx').on('child').column('provider_id').execute();
	await db.schema
		.createIndex('care_package_child_idx')
		.on('care_package')
		.column('child_id')
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('care_package_child_idx').execute();
	await db.schema.dropIndex('child_provider_idx').execute();
	await db.schema.dropIndex('safeguarding_alert_service_idx').execute();
	await db.schema.dropIndex('audit_event_at_idx').execute();
	await db.schema.alterTable('service').dropColumn('safeguarding_lead_id').execute();
	await db.schema.dropTable('password_reset').execute();
	await db.schema.dropIndex('session_user_idx').execute();
	await db.schema
		.alterTable('session')
		.dropColumn('locked_response_id')
		.dropColumn('awaiting_second_factor')
		.execute();
	await db.schema
		.alterTable('app_user')
		.dropColumn('totp_last_step')
		.dropColumn('totp_pending_secret')
		.execute();
}
