import type { StaffUser } from '../auth/sessions';
import * as alertRepo from '../db/alert';
import * as childRepo from '../db/child';
import type { DB } from '../db/connect';
import { isUuid } from '../db/ids';
import * as invitationRepo from '../db/invitation';
import * as serviceRepo from '../db/service';
import * as userRepo from '../db/user';
import type { Permission } from './policy';
import { notFound } from './roles';
import { alertLead, providerScope, userScope } from './scopes';

// Record checks: one record the caller asked for by id, if it is in their own organisation.
// A record of another organisation, or an id that is not one, is "not found" (404), never
// "forbidden": the answer does not tell whether it exists.

/** A service of the caller's provider. */
export async function ownService(
	db: DB,
	user: StaffUser,
	serviceId: string,
	permission: Permission = 'children.work'
) {
	const providerId = providerScope(user, permission);
	const service = isUuid(serviceId) ? await serviceRepo.find(db, serviceId) : undefined;
	if (!service || service.provider_id !== providerId) notFound();
	return service;
}

/** A child of the caller's provider whose record is not erased. */
export async function ownChild(db: DB, user: StaffUser, childId: string) {
	const providerId = providerScope(user, 'children.work');
	const child = isUuid(childId) ? await childRepo.find(db, childId) : undefined;
	if (!child || child.provider_id !== providerId || child.erased_at) notFound();
	return child;
}

/** A care package found by id, if it is the (already checked) child's own. */
export function packageOfChild<P extends { child_id: string }>(
	carePackage: P | undefined,
	childId: string
): P {
	if (!carePackage || carePackage.child_id !== childId) notFound();
	return carePackage;
}

/** An invitation of the caller's provider; with `openLink`, only an open group link. */
export async function ownInvitation(db: DB, user: StaffUser, id: string, openLink = false) {
	const providerId = providerScope(user, 'invitations.send');
	const inv = isUuid(id) ? await invitationRepo.findWithProvider(db, id) : null;
	if (!inv || (openLink && !inv.is_open) || inv.provider_id !== providerId) notFound();
	return inv;
}

/** An alert the caller sees: of their provider and, for staff, of a service they lead. */
export async function visibleAlert(db: DB, user: StaffUser, id: string) {
	const providerId = providerScope(user, 'alerts.handle');
	const alert = isUuid(id) ? await alertRepo.find(db, id) : undefined;
	const lead = alertLead(user);
	if (!alert || alert.provider_id !== providerId) notFound();
	if (lead && alert.safeguarding_lead_id !== lead) notFound();
	return alert;
}

/** An account the caller manages. */
export async function managedUser(db: DB, user: StaffUser, id: string) {
	const s = userScope(user);
	const target = isUuid(id) ? await userRepo.find(db, id) : undefined;
	if (!target || (s.providerId && target.provider_id !== s.providerId)) notFound();
	return target;
}
