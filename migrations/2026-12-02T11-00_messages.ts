/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Notifications sent by email or text message. `message` is the record that a message of one kind
// went to one person, and when: never its subject, body or address. `idempotency_key` names the
// message once (the alert it is about and to whom, say), so a job run twice sends it once, even at
// the same moment; a row left `sending` by a crash is tried again once its claim is stale. `notification_opt_out`: the kinds of message a person
// has turned off (only kinds that are not a duty; the app refuses the others).

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('message')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'text')`))
		.addColumn('recipient_user_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('sending')
				.check(sql`status in ('sending', 'sent')`)
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		// When a delivery last took the message on: another waits while it is recent.
		.addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('message_recipient_user_id')
		.on('message')
		.column('recipient_user_id')
		.execute();
	await db.schema
		.createTable('notification_opt_out')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('notification_opt_out_pkey', ['user_id', 'kind'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('notification_opt_out').execute();
	await db.schema.dropTable('message').execute();
}
