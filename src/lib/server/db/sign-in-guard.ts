import { sql } from 'kysely';
import type { DB } from './connect';
import { holdAfter, type Lockout } from './user';

// Failed sign-ins for email addresses without an account, counted and held exactly as an
// account's own (db/user.ts reserveAttempt), keyed by a keyed hash of the address.

export function reserveAttempt(db: DB, key: string, now: Date, l: Lockout) {
	return db
		.insertInto('sign_in_guard')
		.values({
			key,
			failed_sign_ins: 1,
			locked_until: holdAfter(sql<number>`1`, now, l),
			updated_at: now
		})
		.onConflict((oc) =>
			oc
				.column('key')
				.doUpdateSet({
					failed_sign_ins: sql<number>`sign_in_guard.failed_sign_ins + 1`,
					locked_until: holdAfter(sql<number>`sign_in_guard.failed_sign_ins + 1`, now, l),
					updated_at: now
				})
				.where((eb) =>
					eb.or([
						eb('sign_in_guard.locked_until', 'is', null),
						eb('sign_in_guard.locked_until', '<=', now)
					])
				)
		)
		.returning(['failed_sign_ins', 'locked_until'])
		.executeTakeFirst();
}

export function find(db: DB, key: string) {
	return db
		.selectFrom('sign_in_guard')
		.select(['failed_sign_ins', 'locked_until'])
		.where('key', '=', key)
		.executeTakeFirst();
}

/** Rows untouched since `before` (retention clears them). */
export async function removeStale(db: DB, before: Date): Promise<number> {
	const r = await db
		.deleteFrom('sign_in_guard')
		.where('updated_at', '<', before)
		.executeTakeFirst();
	return Number(r.numDeletedRows);
}
