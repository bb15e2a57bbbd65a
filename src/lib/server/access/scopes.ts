import type { StaffUser } from '../auth/sessions';
import { can, type Permission } from './policy';
import { forbidden } from './roles';

// Whose records a caller works with, from their role and organisation alone; 403 for a role the
// permission does not name. Every service function calls one of these (or a record check in
// records.ts, which calls them) on its first line.

/** The provider whose records the caller works with, when their role holds `permission`. */
export function providerScope(user: StaffUser, permission: Permission = 'children.work'): string {
	if (!can(user.role, permission) || !user.providerId) forbidden();
	return user.providerId;
}

/** The caller's organisation for `permission`: their council, or their provider. */
export function organisationScope(
	user: StaffUser,
	permission: Permission
): { kind: 'council'; councilId: string } | { kind: 'provider'; providerId: string } {
	if (!can(user.role, permission)) forbidden();
	if (user.councilId && !user.providerId) return { kind: 'council', councilId: user.councilId };
	if (user.providerId) return { kind: 'provider', providerId: user.providerId };
	forbidden();
}

/** Accounts the caller manages: every account (an administrator), or their own provider's. */
export function userScope(user: StaffUser): { providerId?: string } {
	if (!can(user.role, 'users.manage')) forbidden();
	if (user.role === 'administrator') return {};
	if (user.providerId) return { providerId: user.providerId };
	forbidden();
}

/**
 * Whose alerts the caller sees: a provider's managers see every alert of their services; staff
 * see the alerts of services they lead safeguarding for (the lead's id, to filter by).
 */
export function alertLead(user: StaffUser): string | undefined {
	return can(user.role, 'alerts.see_all') ? undefined : user.id;
}

/** For a permission over the whole installation (an administrator's): nothing to scope, or 403. */
export function installationScope(user: StaffUser, permission: Permission): void {
	if (!can(user.role, permission)) forbidden();
}
