/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Small-number protection decided over a council's whole publishable set for a financial year is
// kept in each app server's memory; `figures_version` tells every server when a council's
// figures for a year have changed (a response completed in it, the tallies were rebuilt), so
// none keeps showing a pattern decided on older counts. `attribute_threshold` is the council's own threshold below which a 0% or 100%
// figure is hidden (none: the installation's default).

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('figures_version')
		.addColumn('council_id', 'uuid', (c) =>
			c.notNull().references('council.id').onDelete('cascade')
		)
		.addColumn('year', 'date', (c) => c.notNull())
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
		.addPrimaryKeyConstraint('figures_version_pkey', ['council_id', 'year'])
		.execute();
	await db.schema
		.alterTable('council')
		.addColumn('attribute_threshold', 'integer', (c) =>
			c.check(sql`attribute_threshold between 1 and 1000`)
		)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('council').dropColumn('attribute_threshold').execute();
	await db.schema.dropTable('figures_version').execute();
}
