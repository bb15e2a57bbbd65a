/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

// The commissioners' dashboard. Completed responses are tallied per service, month, measure, way
// of answering and source (measure_tally), and once more per value of each other breakdown
// (measure_tally_by), so the full dashboard sums a few thousand rows instead of every answer.
// Tallies only ever grow: a completed response is never changed and a measure's answer is never
// deleted (retention keeps them). Targets carry red/amber/green thresholds per measure, for a
// whole council or one provider. The 95% Wilson score interval is a SQL function so every figure
// is computed in the database.

const Z = 1.959963984540054;

export async function up(db: Kysely<any>): Promise<void> {
	const tallyColumns = (t: CreateTableBuilder<any, any>) =>
		t
			.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
			.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
			.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
			.addColumn('month', 'date', (c) => c.notNull())
			.addColumn('measure_id', 'text', (c) => c.notNull())
			.addColumn('completion_mode', 'text', (c) => c.notNull())
			.addColumn('source', 'text', (c) => c.notNull());
	const counts = (t: CreateTableBuilder<any, any>) =>
		t
			.addColumn('positive', 'integer', (c) => c.notNull())
			.addColumn('negative', 'integer', (c) => c.notNull())
			.addColumn('not_counted', 'integer', (c) => c.notNull());

	await counts(tallyColumns(db.schema.createTable('measure_tally')))
		.addPrimaryKeyConstraint('measure_tally_pk', [
			'service_id',
			'month',
			'measure_id',
			'completion_mode',
			'source'
		])
		.execute();
	await db.schema
		.createIndex('measure_tally_council_idx')
		.on('measure_tally')
		.columns(['council_id', 'month'])
		.execute();

	await counts(
		tallyColumns(db.schema.createTable('measure_tally_by'))
			.addColumn('dimension', 'text', (c) => c.notNull())
			.addColumn('value', 'text', (c) => c.notNull())
	)
		.addPrimaryKeyConstraint('measure_tally_by_pk', [
			'dimension',
			'service_id',
			'month',
			'measure_id',
			'completion_mode',
			'source',
			'value'
		])
		.execute();
	await db.schema
		.createIndex('measure_tally_by_council_idx')
		.on('measure_tally_by')
		.columns(['council_id', 'dimension', 'month'])
		.execute();

	await db.schema
		.createTable('measure_target')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
		.addColumn('provider_id', 'uuid', (c) => c.references('provider.id'))
		.addColumn('measure_id', 'text', (c) => c.notNull())
		.addColumn('green_from', 'numeric(4, 1)', (c) => c.notNull())
		.addColumn('amber_from', 'numeric(4, 1)', (c) => c.notNull())
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint(
			'measure_target_range_ck',
			sql`amber_from >= 0 and amber_from <= green_from and green_from <= 100`
		)
		.addUniqueConstraint('measure_target_uq', ['council_id', 'provider_id', 'measure_id'], (u) =>
			u.nullsNotDistinct()
		)
		.execute();

	// Wilson score interval for k positives out of n (Newcombe 1998, method 3), as proportions.
	const p = '(k::float8 / n)';
	const centre = `(${p} + ${Z} * ${Z} / (2 * n))`;
	const spread = `(${Z} * sqrt(${p} * (1 - ${p}) / n + ${Z} * ${Z} / (4 * n::float8 * n)))`;
	const scale = `(1 + ${Z} * ${Z} / n)`;
	for (const [name, bound] of [
		['wilson_low', `greatest(0, (${centre} - ${spread}) / ${scale})`],
		['wilson_high', `least(1, (${centre} + ${spread}) / ${scale})`]
	]) {
		await sql
			.raw(
				`create function ${name}(k bigint, n bigint) returns float8 language sql immutable
				as $$ select case when n > 0 then ${bound} end $$`
			)
			.execute(db);
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop function wilson_high(bigint, bigint)`.execute(db);
	await sql`drop function wilson_low(bigint, bigint)`.execute(db);
	await db.schema.dropTable('measure_target').execute();
	await db.schema.dropTable('measure_tally_by').execute();
	await db.schema.dropTable('measure_tally').execute();
}
