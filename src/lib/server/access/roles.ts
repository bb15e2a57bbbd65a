import { error, redirect } from '@sveltejs/kit';
import type { Role } from '../../domain/roles';
import type { StaffSession, StaffUser } from '../auth/sessions';

/** Roles that must sign in with an authenticator app as well as a password. */
export const SECOND_FACTOR_REQUIRED: readonly Role[] = ['administrator', 'commissioner'];

export const PROVIDER_ROLES: readonly Role[] = ['provider_manager', 'provider_staff'];

/**
 * The signed-in staff member, or a redirect: to sign in, to finish the second factor, or to the
 * unlock page while a child is answering on this device (assisted mode).
 */
export function requireUser(locals: App.Locals): StaffUser {
	const session = locals.staff;
	if (!session) redirect(303, '/sign-in');
	if (session.awaitingSecondFactor) redirect(303, '/sign-in/two-factor');
	if (session.lockedResponseId) redirect(303, '/unlock');
	return session.user;
}

/** The signed-in staff member if their role is one of `roles`; otherwise 403. */
export function requireRole(locals: App.Locals, ...roles: Role[]): StaffUser {
	const user = requireUser(locals);
	if (!roles.includes(user.role)) error(403, 'Your role does not give access to this page');
	return user;
}

/** The provider a provider manager or staff member works for; 403 for other roles. */
export function requireProvider(
	locals: App.Locals,
	...roles: Role[]
): StaffUser & { providerId: string } {
	const user = requireRole(locals, ...(roles.length ? roles : PROVIDER_ROLES));
	if (!user.providerId) error(403, 'Your role does not give access to this page');
	return { ...user, providerId: user.providerId };
}

/** A record that belongs to another organisation is reported as missing, never as forbidden. */
export function notFound(): never {
	error(404, 'Not found');
}

export type { StaffSession };
