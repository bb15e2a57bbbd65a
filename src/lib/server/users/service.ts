import { randomUUID } from 'node:crypto';
import { managedUser } from '../access/records';
import { enqueue } from '../jobs/queue';
import { passwordLinkJob } from '../notifications/jobs';
import { userScope } from '../access/scopes';
import { NO_PASSWORD } from '../auth/passwords';
import * as resets from '../auth/resets';
import { isUniqueViolation } from '../db/errors';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import * as providerRepo from '../db/provider';
import type { Role } from '../../domain/roles';
import * as sessionRepo from '../db/session';
import * as userRepo from '../db/user';
import { ROLES, ROLE_VALUES } from '../../domain/roles';
import type { FieldErrors } from '../forms/staff';

/** Administrators manage every account; a provider manager manages their own provider's staff. */
export async function list(db: DB, user: StaffUser) {
	const s = userScope(user);
	const users = await userRepo.list(db, s);
	return {
		users: users.map((u) => ({
			id: u.id,
			email: u.email,
			name: u.display_name,
			role: ROLES[u.role],
			organisation: u.provider_name ?? u.council_name ?? '',
			twoFactor: u.totp_secret !== null,
			linked: u.oidc_subject !== null,
			locked: u.locked_until !== null && new Date(u.locked_until) > new Date()
		})),
		roles: s.providerId ? ['provider_staff', 'provider_manager'] : ROLE_VALUES,
		councils: s.providerId ? [] : await councilRepo.listOpen(db),
		providers: s.providerId ? [] : await providerRepo.listOpen(db)
	};
}

export interface NewUser {
	email: string;
	name: string;
	role: string;
	organisation: string;
}

/**
/**
 * How a set-password link reaches the person: emailed straight to them when mail is set up, or
 * shown once to the administrator to hand over when it is not.
 */
export type LinkDelivery = 'email' | 'hand-over';

/**
 * What became of a set-password link: its path to hand over, the address it was emailed to, or
 * none at all for an account of a council that requires its identity provider (no password).
 */
export type LinkSent = { link: string } | { emailed: string } | { providerOnly: true };

/** Queues the mail with the link; the job makes the link only when the mail goes. */
async function emailLink(userId: string, issuedBy: string, hours: number, first: boolean) {
	await enqueue(passwordLinkJob, { requestId: randomUUID(), userId, issuedBy, hours, first });
}

/** Makes an account with no password, and a set-password link that works for `resetLinkHours`. */
export async function create(
	db: DB,
	user: StaffUser,
	input: NewUser,
	resetLinkHours: number,
	delivery: LinkDelivery = 'hand-over'
): Promise<{ errors: FieldErrors; sent?: LinkSent }> {
	const s = userScope(user);
	const errors: FieldErrors = {};
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email) || input.email.length > 200)
		errors.email = 'Enter an email address like name@example.org';
	if (!input.name || input.name.length > 80) errors.name = 'Enter a name of up to 80 characters';
	const allowed: string[] = s.providerId ? ['provider_staff', 'provider_manager'] : ROLE_VALUES;
	if (!allowed.includes(input.role)) errors.role = 'Choose a role from the list';
	const role = input.role as Role;
	let councilId: string | null = null;
	let providerId: string | null = null;
	if (s.providerId) providerId = s.providerId;
	else if (role === 'commissioner') {
		const councils = await councilRepo.listOpen(db);
		if (!councils.some((c) => c.id === input.organisation))
			errors.organisation = 'Choose the council this commissioner works for';
		councilId = input.organisation;
	} else if (role === 'provider_manager' || role === 'provider_staff') {
		const providers = await providerRepo.listOpen(db);
		if (!providers.some((p) => p.id === input.organisation))
			errors.organisation = 'Choose the provider this person works for';
		providerId = input.organisation;
	}
	if (!errors.email && (await userRepo.findByEmail(db, input.email))) errors.email = EMAIL_TAKEN;
	if (Object.keys(errors).length) return { errors };
	// Two requests for one address at once: the database refuses the second.
	const made = await db
		.transaction()
		.execute(async (trx) => {
			const created = await userRepo.insert(trx, {
				email: input.email,
				display_name: input.name,
				role,
				council_id: councilId,
				provider_id: providerId,
				password_hash: NO_PASSWORD
			});
			await audit.record(trx, user.id, 'user.created', 'app_user', created.id, { role });
			const providerOnly = (await resets.linkKind(trx, created.id)) === null;
			const link =
				delivery === 'hand-over' && !providerOnly
					? await resets.issue(trx, created.id, user.id, resetLinkHours)
					: null;
			return { id: created.id, link, providerOnly };
		})
		.catch((e: unknown) => {
			if (isUniqueViolation(e)) return null;
			throw e;
		});
	if (!made) return { errors: { email: EMAIL_TAKEN } };
	if (made.providerOnly) return { errors: {}, sent: { providerOnly: true } };
	if (made.link) return { errors: {}, sent: { link: made.link } };
	await emailLink(made.id, user.id, resetLinkHours, true);
	return { errors: {}, sent: { emailed: input.email } };
}

const EMAIL_TAKEN = 'An account with this email address already exists';

/** A set-password link, or null for an account that signs in with its council's provider only. */
export async function resetLink(
	db: DB,
	user: StaffUser,
	id: string,
	resetLinkHours: number,
	delivery: LinkDelivery = 'hand-over'
): Promise<LinkSent & { name: string }> {
	const target = await managedUser(db, user, id);
	if (!(await resets.linkKind(db, target.id)))
		return { providerOnly: true, name: target.display_name };
	if (delivery === 'email') {
		await audit.record(db, user.id, 'password.reset_link_emailed', 'app_user', target.id);
		await emailLink(target.id, user.id, resetLinkHours, false);
		return { emailed: target.email, name: target.display_name };
	}
	const link = await resets.issue(db, target.id, user.id, resetLinkHours);
	if (!link) return { providerOnly: true, name: target.display_name };
	await audit.record(db, user.id, 'password.reset_link_issued', 'app_user', target.id);
	return { link, name: target.display_name };
}

/**
 * Unlinks an account from the person at the identity provider it was linked to at its first
 * sign-in there, so that the next sign-in with the account's email links it again: for an email
 * address given to someone else, or a council that moved to another provider. The account's
 * sessions end with it: whoever held the address before is signed out.
 */
export async function unlinkIdentity(db: DB, user: StaffUser, targetId: string) {
	const target = await managedUser(db, user, targetId);
	const unlinked = await db.transaction().execute(async (trx) => {
		const done = await userRepo.unlinkIdentity(trx, target.id);
		if (!done) return false;
		await sessionRepo.removeForUser(trx, target.id);
		await audit.record(trx, user.id, 'user.identity_unlinked', 'app_user', target.id);
		return true;
	});
	return { unlinked, name: target.display_name };
}
