import type { Kysely } from 'kysely';

// A respondent's browser holds a random token (in an HttpOnly cookie) that lets it continue its
// own response; only its hash is stored.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('response')
		.addColumn('resume_token_hash', 'text', (c) => c.unique())
		.execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('response').dropColumn('resume_token_hash').execute();
}
