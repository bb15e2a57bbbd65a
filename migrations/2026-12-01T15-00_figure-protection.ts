/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Small-number protection decided over a council's whole publishable set is kept in each app
// server's memory; `figures_version` tells every server when a council's figures have changed
// (a response completed, the tallies were rebuilt), so none keeps showing a pattern decided on
// older counts. `attribute_threshold` is the council's own threshold below which a 0% or 100%
// figure is hidden (none: the installation's default).

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('figures_version')
		.addColumn('council_id', 'uuid', (c) =>
			c.primaryKey().references('council.id').onDelete('cascade')
		)
		.addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
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
