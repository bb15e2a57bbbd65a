/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Organisations are managed in the app. Nothing with records is deleted: a council, provider or
// service is retired (`retired_at`) and stays in past figures and returns. Names are unique
// (a council's and a provider's across the installation, a service's within its provider), so a
// list never shows two that cannot be told apart. A service says the hour types it offers (every
// one for the services already recorded). A commission gets an id of its own, so a council may
// commission a provider again after a commission ends, and the framework it is under: the
// Lancashire short breaks or the Dorset children's homes framework, taken for the commissions
// already recorded from the kind of the provider's services for that council.

const HOUR_TYPES = [
	'personal_care_hours',
	'short_break_daytime_hours',
	'break_time_hours',
	'break_time_plus_hours',
	'overnight_hours'
];
const hourTypes = sql.raw(`array[${HOUR_TYPES.map((t) => `'${t}'`).join(', ')}]::text[]`);

export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['council', 'provider', 'service'])
		await db.schema.alterTable(table).addColumn('retired_at', 'timestamptz').execute();
	await sql`create unique index council_name_uq on council (lower(name))`.execute(db);
	await sql`create unique index provider_name_uq on provider (lower(name))`.execute(db);
	await sql`create unique index service_name_uq on service (provider_id, lower(name))`.execute(db);

	await db.schema
		.alterTable('service')
		.addColumn('hour_types', sql`text[]`, (c) =>
			c
				.notNull()
				.defaultTo(hourTypes)
				.check(sql`cardinality(hour_types) > 0 and hour_types <@ ${hourTypes}`)
		)
		.execute();

	await db.schema
		.alterTable('commission')
		.addColumn('framework', 'text', (c) =>
			c
				.notNull()
				.defaultTo('lancashire')
				.check(sql`framework in ('lancashire', 'dorset')`)
		)
		.execute();
	await sql`update commission c set framework = 'dorset'
		where exists (select 1 from service s where s.provider_id = c.provider_id
			and s.council_id = c.council_id and s.kind = 'childrens_home')
		and not exists (select 1 from service s where s.provider_id = c.provider_id
			and s.council_id = c.council_id and s.kind = 'short_break')`.execute(db);
	await sql`alter table commission alter column framework drop default`.execute(db);
	await sql`alter table commission drop constraint commission_pk`.execute(db);
	await db.schema
		.alterTable('commission')
		.addColumn('id', 'uuid', (c) => c.notNull().defaultTo(sql`gen_random_uuid()`))
		.execute();
	await sql`alter table commission add constraint commission_pkey primary key (id)`.execute(db);
	await sql`alter table commission add constraint commission_dates_ck
		check (ends_on is null or ends_on >= starts_on)`.execute(db);
	await db.schema
		.createIndex('commission_council_provider_idx')
		.on('commission')
		.columns(['council_id', 'provider_id'])
		.execute();
	await db.schema
		.alterTable('commission')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('commission').dropColumn('created_at').execute();
	await db.schema.dropIndex('commission_council_provider_idx').execute();
	await sql`alter table commission drop constraint commission_dates_ck`.execute(db);
	await sql`alter table commission drop constraint commission_pkey`.execute(db);
	await db.schema.alterTable('commission').dropColumn('id').execute();
	// A council commissioning a provider more than once cannot go back: keep the latest.
	await sql`delete from commission a using commission b
		where a.council_id = b.council_id and a.provider_id = b.provider_id
		and a.starts_on < b.starts_on`.execute(db);
	await sql`alter table commission add constraint commission_pk
		primary key (council_id, provider_id)`.execute(db);
	await db.schema.alterTable('commission').dropColumn('framework').execute();
	await db.schema.alterTable('service').dropColumn('hour_types').execute();
	await sql`drop index service_name_uq`.execute(db);
	await sql`drop index provider_name_uq`.execute(db);
	await sql`drop index council_name_uq`.execute(db);
	for (const table of ['council', 'provider', 'service'])
		await db.schema.alterTable(table).dropColumn('retired_at').execute();
}
