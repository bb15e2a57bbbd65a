/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Activity returns ("How much did we do?"). Providers record each session a child attends or
// misses (activity_session) and how a care package ended; the monthly claim form, the quarterly
// and the annual provider returns are assembled from those records, the surveys and what the
// provider types into the return itself. A return moves draft → submitted → accepted (locked) or
// returned with a comment; every submission is a numbered revision, kept for good, holding the
// figures exactly as submitted. An end of care package report is a completed staff review
// (a response on the end of care package review survey), linked to its package here.

const uuid = sql`gen_random_uuid()`;

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('activity_session')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('care_package_id', 'uuid', (c) => c.notNull().references('care_package.id'))
		.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
		.addColumn('held_on', 'date', (c) => c.notNull())
		.addColumn('hour_type', 'text', (c) =>
			c
				.notNull()
				.check(
					sql`hour_type in ('personal_care_hours', 'short_break_daytime_hours', 'break_time_hours', 'break_time_plus_hours', 'overnight_hours')`
				)
		)
		.addColumn('hours', 'numeric(5, 2)', (c) => c.notNull().check(sql`hours > 0 and hours <= 24`))
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('attended', 'cancelled_by_provider', 'cancelled_by_family')`)
		)
		.addColumn('activity', 'text')
		.addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('activity_session_once', ['care_package_id', 'held_on', 'hour_type'])
		.execute();
	await db.schema
		.createIndex('activity_session_service_idx')
		.on('activity_session')
		.columns(['service_id', 'held_on'])
		.execute();

	await db.schema
		.alterTable('care_package')
		.addColumn('end_reason', 'text', (c) =>
			c.check(sql`end_reason in ('completed', 'broke_down', 'other')`)
		)
		.addColumn('end_explanation', 'text')
		.execute();

	await db.schema
		.createTable('provider_return')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(uuid))
		.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
		.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
		.addColumn('kind', 'text', (c) =>
			c.notNull().check(sql`kind in ('monthly', 'quarterly', 'annual')`)
		)
		.addColumn('period_key', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('draft', 'submitted', 'returned', 'accepted')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('provider_return_once', [
			'council_id',
			'provider_id',
			'kind',
			'period_key'
		])
		.execute();

	await db.schema
		.createTable('provider_return_revision')
		.addColumn('return_id', 'uuid', (c) => c.notNull().references('provider_return.id'))
		.addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision > 0`))
		.addColumn('entered', 'jsonb', (c) => c.notNull())
		.addColumn('assembled', 'jsonb')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('submitted_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('submitted_at', 'timestamptz')
		.addColumn('decision', 'text', (c) => c.check(sql`decision in ('accepted', 'returned')`))
		.addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('decided_at', 'timestamptz')
		.addColumn('comment', 'text')
		.addPrimaryKeyConstraint('provider_return_revision_pk', ['return_id', 'revision'])
		.execute();

	await db.schema
		.createTable('care_package_report')
		.addColumn('care_package_id', 'uuid', (c) => c.primaryKey().references('care_package.id'))
		.addColumn('response_id', 'uuid', (c) => c.notNull().unique().references('response.id'))
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('care_package_report').execute();
	await db.schema.dropTable('provider_return_revision').execute();
	await db.schema.dropTable('provider_return').execute();
	await db.schema
		.alterTable('care_package')
		.dropColumn('end_reason')
		.dropColumn('end_explanation')
		.execute();
	await db.schema.dropTable('activity_session').execute();
}
