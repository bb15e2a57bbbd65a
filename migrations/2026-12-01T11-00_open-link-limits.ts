/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Open group links take a limited number of responses. `responses_started` counts every
// response started through the link and is raised by one conditional update per start, so a
// cap set by staff (`response_cap`, none when null) holds however many start at once.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('invitation')
		.addColumn('response_cap', 'integer', (c) => c.check(sql`response_cap > 0`))
		.addColumn('responses_started', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
	// Links made before this count what they have already taken.
	await sql`
		update invitation set responses_started = (
			select count(*) from response where response.invitation_id = invitation.id
		)
		where is_open`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('invitation')
		.dropColumn('response_cap')
		.dropColumn('responses_started')
		.execute();
}
