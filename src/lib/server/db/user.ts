import { sql, type RawBuilder } from 'kysely';
import type { DB } from './connect';
import type { AppUserTable } from './schema';
import type { Role } from '../../domain/roles';
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

/** A person at an identity provider: its issuer and the subject (`sub`) it gave them. */
export interface Identity {
	issuer: string;
	subject: string;
}

export function findByIdentity(db: DB, identity: Identity) {
	return db
		.selectFrom('app_user')
		.selectAll()
		.where('oidc_issuer', '=', identity.issuer)
		.where('oidc_subject', '=', identity.subject)
		.executeTakeFirst();
}

/** Links an account not linked yet; false when it was linked meanwhile. */
export async function linkIdentity(db: DB, id: string, identity: Identity): Promise<boolean> {
	const r = await db
		.updateTable('app_user')
		.set({ oidc_issuer: identity.issuer, oidc_subject: identity.subject })
		.where('id', '=', id)
		.where('oidc_subject', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** Unlinks an account; false when it was not linked. */
export async function unlinkIdentity(db: DB, id: string): Promise<boolean> {
	const r = await db
		.updateTable('app_user')
		.set({ oidc_issuer: null, oidc_subject: null })
		.where('id', '=', id)
		.where('oidc_subject', 'is not', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
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
			'app_user.oidc_subject',
			'provider.name as provider_name',
			'council.name as council_name'
		])
		.orderBy('app_user.display_name');
	if (scope.providerId) q = q.where('app_user.provider_id', '=', scope.providerId);
	if (scope.councilId) q = q.where('app_user.council_id', '=', scope.councilId);
	return q.execute();
}

export function listRole(db: DB, providerId: string, roles: readonly Role[]) {
	return db
		.selectFrom('app_user')
		.select(['id', 'display_name'])
		.where('provider_id', '=', providerId)
		.where('role', 'in', roles)
		.where('disabled_at', 'is', null)
		.orderBy('display_name')
		.execute();
}

/** How long a run of failures holds an account (docs/staff.md: accounts); auth/sign-in.ts. */
export interface Lockout {
	waitAfter: number;
	waitSeconds: number;
	lockAfter: number;
	lockMinutes: number;
}

/**
 * The hold after `failures` failures, in SQL, so that counting an attempt and holding the account
 * are one statement: 30 s doubling from the 3rd, 15 minutes from the 6th (with the defaults).
 */
export function holdAfter(failures: RawBuilder<number>, now: Date, l: Lockout) {
	return sql<Date | null>`case
		when ${failures} >= ${l.lockAfter} then ${now}::timestamptz + make_interval(mins => ${l.lockMinutes})
		when ${failures} >= ${l.waitAfter} then ${now}::timestamptz + make_interval(secs => ${l.waitSeconds} * power(2, ${failures} - ${l.waitAfter}))
		else null end`;
}

/**
 * Counts an attempt as failed before its password or code is checked, in one conditional
 * statement: of many attempts at once, only those made while the account is not held are let
 * through, however many arrive together. Returns the count and the hold it set, or undefined when
 * the account is held (the attempt is then neither checked nor counted).
 */
export function reserveAttempt(db: DB, id: string, now: Date, l: Lockout) {
	return db
		.updateTable('app_user')
		.set({
			failed_sign_ins: sql<number>`failed_sign_ins + 1`,
			locked_until: holdAfter(sql<number>`failed_sign_ins + 1`, now, l)
		})
		.where('id', '=', id)
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
		.returning(['failed_sign_ins', 'locked_until'])
		.executeTakeFirst();
}

/**
 * Gives back an attempt that turned out right but needs a second step: the count goes down by
 * one, and the hold this attempt set (`hold`, if any) is lifted, since the hold before it had
 * ended (or the attempt would not have been let through). A hold set since by another attempt
 * stays.
 */
export function releaseAttempt(db: DB, id: string, hold: Date | null) {
	return db
		.updateTable('app_user')
		.set({
			failed_sign_ins: sql<number>`greatest(failed_sign_ins - 1, 0)`,
			locked_until: sql<Date | null>`case when locked_until = ${hold}::timestamptz then null else locked_until end`
		})
		.where('id', '=', id)
		.execute();
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
	return (
		db
			.updateTable('app_user')
			.set({ totp_pending_secret: secret })
			.where('id', '=', id)
			// Two sign-ins at once: the first secret stays, so the QR code either one shows works.
			.where('totp_pending_secret', 'is', null)
			.where('totp_secret', 'is', null)
			.execute()
	);
}

export function confirmTotp(db: DB, id: string, secret: string, step: number) {
	return db
		.updateTable('app_user')
		.set({ totp_secret: secret, totp_pending_secret: null, totp_last_step: step })
		.where('id', '=', id)
		.where('totp_secret', 'is', null)
		.where('totp_pending_secret', '=', secret)
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

/** A council's active accounts in one role (its commissioners, who are told of returns). */
export function listCouncilRole(db: DB, councilId: string, role: Role) {
	return db
		.selectFrom('app_user')
		.select(['id', 'display_name'])
		.where('council_id', '=', councilId)
		.where('role', '=', role)
		.where('disabled_at', 'is', null)
		.orderBy('display_name')
		.execute();
}
