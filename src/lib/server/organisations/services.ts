import { ukToday } from '../../calendar/dates';
import { notFound } from '../access/roles';
import { ownService } from '../access/records';
import { installationScope, organisationScope, providerScope } from '../access/scopes';
import { PROVIDER_ROLES } from '../../domain/roles';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { isUuid } from '../db/ids';
import * as providerRepo from '../db/provider';
import type { Service } from '../db/schema';
import * as serviceRepo from '../db/service';
import * as userRepo from '../db/user';
import * as blockers from './retirement';
import type { Retirement } from './retirement';
import { hasAny, refused, refusingDuplicates, retireAudited, type Saved } from './saved';
import { readNewService, readServiceDetails } from './validate';

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

type Posted = Partial<Record<string, string>>;

/** A provider manager's own service, with the staff who may lead its safeguarding. */
export async function own(db: DB, user: StaffUser, serviceId: string) {
	const service = await ownService(db, user, serviceId, 'services.edit');
	return { service, people: await userRepo.listRole(db, service.provider_id, PROVIDER_ROLES) };
}

/** A provider manager changes their own service's name, hour types and safeguarding lead. */
export async function edit(
	db: DB,
	user: StaffUser,
	serviceId: string,
	posted: Posted,
	hourTypes: string[]
): Promise<Saved> {
	const { service } = await own(db, user, serviceId);
	return saveDetails(db, user, service, posted, hourTypes);
}

/** A provider, for an administrator to add or change its services; any other id is "not found". */
export async function providerOf(db: DB, user: StaffUser, providerId: string) {
	installationScope(user, 'organisations.manage');
	const provider = isUuid(providerId) ? await providerRepo.find(db, providerId) : undefined;
	if (!provider) notFound();
	return provider;
}

/** A service of the provider, for an administrator; any other id is "not found". */
export async function get(db: DB, user: StaffUser, providerId: string, id: string) {
	const provider = await providerOf(db, user, providerId);
	const service = isUuid(id) ? await serviceRepo.find(db, id) : undefined;
	if (!service || service.provider_id !== provider.id) notFound();
	return service;
}

/** What an administrator's service form shows: the provider, its staff, open councils. */
export async function form(db: DB, user: StaffUser, providerId: string, serviceId: string | null) {
	const provider = await providerOf(db, user, providerId);
	const service = serviceId === null ? null : await get(db, user, provider.id, serviceId);
	const council = service ? await councilRepo.find(db, service.council_id) : null;
	return {
		provider,
		service,
		councilName: council?.name ?? null,
		people: await userRepo.listRole(db, provider.id, PROVIDER_ROLES),
		councils: await councilRepo.listOpen(db)
	};
}

/** An administrator changes a service's name, hour types and safeguarding lead. */
export async function change(
	db: DB,
	user: StaffUser,
	providerId: string,
	serviceId: string,
	posted: Posted,
	hourTypes: string[]
): Promise<Saved> {
	const service = await get(db, user, providerId, serviceId);
	return saveDetails(db, user, service, posted, hourTypes);
}

async function saveDetails(
	db: DB,
	user: StaffUser,
	service: Service,
	posted: Posted,
	hourTypes: string[]
): Promise<Saved> {
	const { details, errors } = readServiceDetails(posted, hourTypes);
	if (details.lead && !(await isLeadOf(db, service.provider_id, details.lead)))
		errors.lead = 'Choose a safeguarding lead from the provider’s own staff';
	if (hasAny(errors)) return refused(errors);
	const same = await serviceRepo.findByName(db, service.provider_id, details.name);
	if (same && same.id !== service.id) return refused({ name: nameTaken(same.name) });
	const values = {
		name: details.name,
		hour_types: details.hour_types,
		safeguarding_lead_id: details.lead || null
	};
	return refusingDuplicates(
		db.transaction().execute(async (trx) => {
			await serviceRepo.update(trx, service.id, values);
			await audit.record(trx, user.id, 'service.changed', 'service', service.id, {
				name: values.name,
				hourTypes: values.hour_types,
				leadId: values.safeguarding_lead_id
			});
			return { ok: true as const, id: service.id };
		}),
		{ name: DUPLICATE_NAME }
	);
}

/**
 * An administrator adds a service to a provider, for a council; neither may be retired. Its kind
 * and council are fixed once it has records, so they are chosen here only.
 */
export async function create(
	db: DB,
	user: StaffUser,
	providerId: string,
	posted: Posted,
	hourTypes: string[]
): Promise<Saved> {
	const provider = await providerOf(db, user, providerId);
	const { service, errors } = readNewService(posted, hourTypes);
	if (provider.retired_at)
		return refused({ name: `${provider.name} is retired: it cannot have a new service` });
	const council = isUuid(service.council) ? await councilRepo.find(db, service.council) : undefined;
	if (service.council && (!council || council.retired_at))
		errors.council = 'Choose a council from the list';
	if (service.lead && !(await isLeadOf(db, provider.id, service.lead)))
		errors.lead = 'Choose a safeguarding lead from the provider’s own staff';
	if (hasAny(errors)) return refused(errors);
	const same = await serviceRepo.findByName(db, provider.id, service.name);
	if (same) return refused({ name: nameTaken(same.name) });
	return refusingDuplicates(
		db.transaction().execute(async (trx) => {
			const row = await serviceRepo.insert(trx, {
				provider_id: provider.id,
				council_id: council!.id,
				name: service.name,
				kind: service.kind,
				hour_types: service.hour_types,
				safeguarding_lead_id: service.lead || null
			});
			await audit.record(trx, user.id, 'service.created', 'service', row.id, {
				providerId: provider.id,
				councilId: council!.id,
				kind: service.kind
			});
			return { ok: true as const, id: row.id };
		}),
		{ name: DUPLICATE_NAME }
	);
}

/** What stands in the way of retiring the service today: nothing, or each reason. */
export async function retireBlockers(
	db: DB,
	user: StaffUser,
	providerId: string,
	id: string
): Promise<string[]> {
	const service = await get(db, user, providerId, id);
	return service.retired_at ? [] : blockers.ofService(db, service.id, ukToday());
}

/** Retires a service whose care packages have all ended: it keeps its records. */
export async function retire(
	db: DB,
	user: StaffUser,
	providerId: string,
	id: string
): Promise<Retirement> {
	const service = await get(db, user, providerId, id);
	return retireAudited(db, user, 'service', service.id, serviceRepo.retire, (trx) =>
		blockers.ofService(trx, service.id, ukToday())
	);
}

/** Two requests naming one service alike at once: the database refuses the second. */
const DUPLICATE_NAME = 'The provider already has a service with this name';

const nameTaken = (name: string) => `The provider already has a service called ${name}`;

async function isLeadOf(db: DB, providerId: string, leadId: string) {
	return (await userRepo.listRole(db, providerId, PROVIDER_ROLES)).some((p) => p.id === leadId);
}
