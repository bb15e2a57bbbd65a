/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

// The commissioners' dashboard. Completed responses are tallied per service, month, measure, way
// of answering and source (measure_tally); once more per value of each other breakdown
// (measure_tally_by); and both without way of answering and source (measure_tally_all,
// measure_tally_by_all), so an unfiltered dashboard sums a few thousand rows, not every answer.
// Tallies only ever grow: a completed response is never changed and a measure's answer is never
// deleted (retention keeps them). Targets carry red/amber/green thresholds per measure, for a
// whole council or one provider.

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

	// The same without the way of answering and the source: what the unfiltered dashboard reads.
	await counts(
		db.schema
			.createTable('measure_tally_all')
			.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
			.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
			.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
			.addColumn('month', 'date', (c) => c.notNull())
			.addColumn('measure_id', 'text', (c) => c.notNull())
	)
		.addPrimaryKeyConstraint('measure_tally_all_pk', ['service_id', 'month', 'measure_id'])
		.execute();
	await db.schema
		.createIndex('measure_tally_all_council_idx')
		.on('measure_tally_all')
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

	// And that without the way of answering and the source: what an unfiltered breakdown reads.
	await counts(
		db.schema
			.createTable('measure_tally_by_all')
			.addColumn('council_id', 'uuid', (c) => c.notNull().references('council.id'))
			.addColumn('provider_id', 'uuid', (c) => c.notNull().references('provider.id'))
			.addColumn('service_id', 'uuid', (c) => c.notNull().references('service.id'))
			.addColumn('month', 'date', (c) => c.notNull())
			.addColumn('measure_id', 'text', (c) => c.notNull())
			.addColumn('dimension', 'text', (c) => c.notNull())
			.addColumn('value', 'text', (c) => c.notNull())
	)
		.addPrimaryKeyConstraint('measure_tally_by_all_pk', [
			'dimension',
			'service_id',
			'month',
			'measure_id',
			'value'
		])
		.execute();
	await db.schema
		.createIndex('measure_tally_by_all_council_idx')
		.on('measure_tally_by_all')
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
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('measure_target').execute();
	await db.schema.dropTable('measure_tally_by_all').execute();
	await db.schema.dropTable('measure_tally_by').execute();
	await db.schema.dropTable('measure_tally_all').execute();
	await db.schema.dropTable('measure_tally').execute();
}
