import { error, redirect } from '@sveltejs/kit';
import type { StaffSession, StaffUser } from '../auth/sessions';
import { can, type Permission } from './policy';

export { SECOND_FACTOR_REQUIRED } from './policy';
export { PROVIDER_ROLES } from '../../domain/roles';

/** What a refused role is told, on every page. */
export const FORBIDDEN = 'Your role does not give access to this page';

export function forbidden(message = FORBIDDEN): never {
	error(403, message);
}

/** A record that belongs to another organisation is reported as missing, never as forbidden. */
export function notFound(): never {
	error(404, 'Not found');
}

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

/** The signed-in staff member if their role holds `permission`; otherwise 403. */
export function requireAccess(locals: App.Locals, permission: Permission): StaffUser {
	const user = requireUser(locals);
	if (!can(user.role, permission)) forbidden();
	return user;
}

export type ProviderUser = StaffUser & { providerId: string };

/** The staff member of a provider whose role holds `permission`; 403 for anyone else. */
export function requireProvider(
	locals: App.Locals,
	permission: Permission = 'children.work'
): ProviderUser {
	const user = requireAccess(locals, permission);
	if (!user.providerId) forbidden();
	return { ...user, providerId: user.providerId };
}

export type { StaffSession };
