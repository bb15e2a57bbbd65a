/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Speech made on the server for "Read to me", for devices without a voice in the page's
// language. One row per text and voice, keyed by a hash of both (`key`, see src/lib/speech): the
// texts are registered when the surveys are published (at start) and the audio is made the first
// time someone asks for it, then kept for every app server. Only survey and interface texts are
// ever stored here, never anything a respondent typed. `claimed_at` says an app server is making
// the audio now, so that another waits for it rather than making it again.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('speech')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('voice', 'text', (c) => c.notNull())
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('audio', 'bytea')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('claimed_at', 'timestamptz')
		.addColumn('made_at', 'timestamptz')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('speech').execute();
}
