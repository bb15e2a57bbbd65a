import { sql } from 'kysely';
import type { DB } from './connect';
import type { SessionTable } from './schema';
import type { Insertable } from 'kysely';

export function insert(db: DB, session: Insertable<SessionTable>) {
	return db.insertInto('session').values(session).execute();
}

/** A live session (not expired, not idle too long) with its user, if the user is enabled. */
export function findLive(db: DB, idHash: string, idleSeconds: number, now = new Date()) {
	return db
		.selectFrom('session')
		.innerJoin('app_user', 'app_user.id', 'session.user_id')
		.select([
			'session.id_hash',
			'session.last_seen_at',
			'session.awaiting_second_factor',
			'session.locked_response_id',
			'app_user.id as user_id',
			'app_user.email',
			'app_user.display_name',
			'app_user.role',
			'app_user.council_id',
			'app_user.provider_id',
			'app_user.totp_secret'
		])
		.where('session.id_hash', '=', idHash)
		.where('session.expires_at', '>', now)
		.where(
			'session.last_seen_at',
			'>',
			sql<Date>`${now}::timestamptz - make_interval(secs => ${idleSeconds})`
		)
		.where('app_user.disabled_at', 'is', null)
		.executeTakeFirst();
}

export function touch(db: DB, idHash: string, now = new Date()) {
	return db
		.updateTable('session')
		.set({ last_seen_at: now })
		.where('id_hash', '=', idHash)
		.execute();
}

export async function idToken(db: DB, idHash: string): Promise<string | null> {
	const row = await db
		.selectFrom('session')
		.select('id_token')
		.where('id_hash', '=', idHash)
		.executeTakeFirst();
	return row?.id_token ?? null;
}

export function remove(db: DB, idHash: string) {
	return db.deleteFrom('session').where('id_hash', '=', idHash).execute();
}

export function removeForUser(db: DB, userId: string) {
	return db.deleteFrom('session').where('user_id', '=', userId).execute();
}

export function setLock(db: DB, idHash: string, responseId: string | null) {
	return db
		.updateTable('session')
		.set({ locked_response_id: responseId })
		.where('id_hash', '=', idHash)
		.execute();
}

/** Unlocks a locked session; false when it was not locked (another request unlocked it first). */
export async function clearLock(db: DB, idHash: string): Promise<boolean> {
	const result = await db
		.updateTable('session')
		.set({ locked_response_id: null })
		.where('id_hash', '=', idHash)
		.where('locked_response_id', 'is not', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
