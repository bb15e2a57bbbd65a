/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// An invitation staff asked to send to a parent or carer by email or text message. The address and
// the link's secret are kept sealed (encrypted with the application key) only until the message
// has gone: the row is deleted when it is sent, and with its invitation when that is revoked,
// expires or is answered. The record that a message went (`message`) keeps no address.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('invitation_delivery')
		.addColumn('invitation_id', 'uuid', (c) =>
			c.primaryKey().references('invitation.id').onDelete('cascade')
		)
		.addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'text')`))
		.addColumn('sealed_address', 'text', (c) => c.notNull())
		.addColumn('sealed_token', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('invitation_delivery').execute();
}
