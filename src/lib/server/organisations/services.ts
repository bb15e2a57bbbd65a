import { ownService } from '../access/records';
import { organisationScope, providerScope } from '../access/scopes';
import { PROVIDER_ROLES } from '../../domain/roles';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import * as serviceRepo from '../db/service';
import * as userRepo from '../db/user';

/** A provider manager sees their services and who leads safeguarding; a commissioner, theirs. */
export async function list(db: DB, user: StaffUser) {
	const scope = organisationScope(user, 'services.view');
	if (scope.kind === 'council') {
		return {
			kind: 'council' as const,
			services: await serviceRepo.listForCouncil(db, scope.councilId)
		};
	}
	const services = await serviceRepo.listForProvider(db, scope.providerId);
	const people = await userRepo.listRole(db, scope.providerId, PROVIDER_ROLES);
	return { kind: 'provider' as const, services, people };
}

export async function setLead(db: DB, user: StaffUser, serviceId: string, leadId: string) {
	const providerId = providerScope(user, 'services.set_lead');
	const service = await ownService(db, user, serviceId, 'services.set_lead');
	const people = await userRepo.listRole(db, providerId, PROVIDER_ROLES);
	if (leadId && !people.some((p) => p.id === leadId)) return false;
	await db.transaction().execute(async (trx) => {
		await serviceRepo.setLead(trx, service.id, leadId || null);
		await audit.record(trx, user.id, 'service.lead_set', 'service', service.id, {
			leadId: leadId || null
		});
	});
	return true;
}
