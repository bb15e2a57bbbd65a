import { error } from '@sveltejs/kit';
import { notFound } from '../access/roles';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import * as serviceRepo from '../db/service';
import * as userRepo from '../db/user';
import { isUuid } from '../db/ids';

/** A provider manager sees their services and who leads safeguarding; a commissioner, theirs. */
export async function list(db: DB, user: StaffUser) {
	if (user.role === 'commissioner' && user.councilId) {
		return {
			kind: 'council' as const,
			services: await serviceRepo.listForCouncil(db, user.councilId)
		};
	}
	if (user.role !== 'provider_manager' || !user.providerId)
		error(403, 'Your role does not give access to this page');
	const services = await serviceRepo.listForProvider(db, user.providerId);
	const people = await userRepo.listRole(db, user.providerId, [
		'provider_manager',
		'provider_staff'
	]);
	return { kind: 'provider' as const, services, people };
}

export async function setLead(db: DB, user: StaffUser, serviceId: string, leadId: string) {
	if (user.role !== 'provider_manager' || !user.providerId)
		error(403, 'Your role does not give access to this page');
	const service = isUuid(serviceId) ? await serviceRepo.find(db, serviceId) : undefined;
	if (!service || service.provider_id !== user.providerId) notFound();
	const people = await userRepo.listRole(db, user.providerId, [
		'provider_manager',
		'provider_staff'
	]);
	if (leadId && !people.some((p) => p.id === leadId)) return false;
	await db.transaction().execute(async (trx) => {
		await serviceRepo.setLead(trx, service.id, leadId || null);
		await audit.record(trx, user.id, 'service.lead_set', 'service', service.id, {
			leadId: leadId || null
		});
	});
	return true;
}
