import { sql } from 'kysely';
import type { DB } from './connect';
import type { AppUserTable, Role } from './schema';
import type { Insertable } from 'kysely';

export function insert(db: DB, user: Insertable<AppUserTable>) {
	return db.insertInto('app_user').values(user).returningAll().executeTakeFirstOrThrow();
}

export function findByEmail(db: DB, email: string) {
	return db
		.selectFrom('app_user')
		.selectAll()
		.where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
		.executeTakeFirst();
}

export function find(db: DB, id: string) {
	return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function count(db: DB) {
	return db
		.selectFrom('app_user')
		.select((eb) => eb.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
}

/** Users of one organisation (a provider or a council), or every user when both are null. */
export function list(db: DB, scope: { providerId?: string; councilId?: string } = {}) {
	let q = db
		.selectFrom('app_user')
		.leftJoin('provider', 'provider.id', 'app_user.provider_id')
		.leftJoin('council', 'council.id', 'app_user.council_id')
		.select([
			'app_user.id',
			'app_user.email',
			'app_user.display_name',
			'app_user.role',
			'app_user.locked_until',
			'app_user.disabled_at',
			'app_user.totp_secret',
			'provider.name as provider_name',
			'council.name as council_name'
		])
		.orderBy('app_user.display_name');
	if (scope.providerId) q = q.where('app_user.provider_id', '=', scope.providerId);
	if (scope.councilId) q = q.where('app_user.council_id', '=', scope.councilId);
	return q.execute();
}

export function listRole(db: DB, providerId: string, roles: Role[]) {
	return db
		.selectFrom('app_user')
		.select(['id', 'display_name'])
		.where('provider_id', '=', providerId)
		.where('role', 'in', roles)
		.where('disabled_at', 'is', null)
		.orderBy('display_name')
		.execute();
}

/** Counts a failed sign-in and, past the thresholds, makes the account wait or locks it. */
export function recordFailure(db: DB, id: string, lockedUntil: (failures: number) => Date | null) {
	return db.transaction().execute(async (trx) => {
		const row = await trx
			.updateTable('app_user')
			.set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
			.where('id', '=', id)
			.returning('failed_sign_ins')
			.executeTakeFirstOrThrow();
		const until = lockedUntil(row.failed_sign_ins);
		if (until) {
			await trx.updateTable('app_user').set({ locked_until: until }).where('id', '=', id).execute();
		}
		return { failures: row.failed_sign_ins, lockedUntil: until };
	});
}

export function clearFailures(db: DB, id: string) {
	return db
		.updateTable('app_user')
		.set({ failed_sign_ins: 0, locked_until: null })
		.where('id', '=', id)
		.execute();
}

export function setPassword(db: DB, id: string, passwordHash: string) {
	return db
		.updateTable('app_user')
		.set({ password_hash: passwordHash, failed_sign_ins: 0, locked_until: null })
		.where('id', '=', id)
		.execute();
}

export function setPendingTotp(db: DB, id: string, secret: string) {
	return db
		.updateTable('app_user')
		.set({ totp_pending_secret: secret })
		.where('id', '=', id)
		.execute();
}

export function confirmTotp(db: DB, id: string, secret: string, step: number) {
	return db
		.updateTable('app_user')
		.set({ totp_secret: secret, totp_pending_secret: null, totp_last_step: step })
		.where('id', '=', id)
		.execute();
}

/** Marks a time step used; false if it (or a later one) was already used: a replayed code. */
export async function useTotpStep(db: DB, id: string, step: number): Promise<boolean> {
	const row = await db
		.updateTable('app_user')
		.set({ totp_last_step: step })
		.where('id', '=', id)
		.where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
		.returning('id')
		.executeTakeFirst();
	return row !== undefined;
}
