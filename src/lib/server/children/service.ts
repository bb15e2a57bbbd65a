import { ownChild, ownService, packageOfChild } from '../access/records';
import { providerScope } from '../access/scopes';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as carePackageRepo from '../db/care-package';
import * as childRepo from '../db/child';
import type { DB } from '../db/connect';
import * as serviceRepo from '../db/service';
import type { CarePackageInput, ChildInput } from './validate';
import { isUniqueViolation } from '../db/errors';
import { isUuid } from '../db/ids';
import type { FieldErrors } from '../forms/staff';
import { readPackageEnd } from '../care-packages/end';
import { HOUR_TYPES, HOUR_TYPE_VALUES, type HourType } from '../../domain/hour-types';

export async function list(db: DB, user: StaffUser) {
	const providerId = providerScope(user, 'children.work');
	const children = await childRepo.listForProvider(db, providerId);
	await audit.record(db, user.id, 'child.list_viewed', 'provider', providerId, {
		count: children.length
	});
	return children;
}

/** One child of the caller's provider; another provider's child is "not found". */
export async function get(db: DB, user: StaffUser, id: string, action = 'child.viewed') {
	const child = await ownChild(db, user, id);
	await audit.record(db, user.id, action, 'child', child.id);
	return child;
}

export type Created = { ok: true; id: string } | { ok: false; field: string; message: string };

const REFERENCE_TAKEN = {
	ok: false,
	field: 'reference',
	message: 'A child with this reference is already recorded'
} as const;

/**
 * Records a child. A reference is the provider's own and is unique: when two requests record
 * the same one at once, the database refuses the second, which is told it already exists.
 */
export async function create(db: DB, user: StaffUser, input: ChildInput): Promise<Created> {
	const providerId = providerScope(user, 'children.work');
	if (await childRepo.findByReference(db, providerId, input.reference)) return REFERENCE_TAKEN;
	try {
		return { ok: true, id: await insertChild(db, user.id, providerId, input) };
	} catch (e) {
		if (isUniqueViolation(e)) return REFERENCE_TAKEN;
		throw e;
	}
}

async function insertChild(db: DB, userId: string, providerId: string, input: ChildInput) {
	const child = await db.transaction().execute(async (trx) => {
		const row = await childRepo.insert(trx, {
			provider_id: providerId,
			reference: input.reference,
			display_name: input.display_name,
			date_of_birth: input.date_of_birth,
			send_needs: JSON.stringify(input.send_needs),
			communication_needs: input.communication_needs,
			preferred_variant: input.preferred_variant,
			preferred_language: input.preferred_language
		});
		await audit.record(trx, userId, 'child.created', 'child', row.id);
		return row;
	});
	return child.id;
}

/** The caller's provider's services offered for new packages, invitations and registers. */
export async function services(db: DB, user: StaffUser) {
	return serviceRepo.listOpenForProvider(db, providerScope(user, 'children.work'));
}

/** A child of the caller's provider with their care packages: one look, audited once. */
export async function detail(db: DB, user: StaffUser, id: string) {
	const child = await get(db, user, id);
	return { child, carePackages: await carePackageRepo.listForChild(db, child.id) };
}

export async function addCarePackage(
	db: DB,
	user: StaffUser,
	childId: string,
	input: CarePackageInput
): Promise<FieldErrors> {
	await get(db, user, childId, 'child.viewed_for_change');
	const service = await ownService(db, user, input.service_id);
	const errors = hoursNotOffered(service, input.hours);
	if (Object.keys(errors).length) return errors;
	await db.transaction().execute(async (trx) => {
		const row = await carePackageRepo.insert(trx, {
			child_id: childId,
			service_id: input.service_id,
			starts_on: input.starts_on,
			ends_on: input.ends_on,
			...input.hours
		});
		await audit.record(trx, user.id, 'care_package.created', 'care_package', row.id, { childId });
	});
	return {};
}

/** Hours of a type the service does not offer: each named, so the field can be corrected. */
function hoursNotOffered(
	service: { name: string; hour_types: readonly HourType[] },
	hours: Record<HourType, string>
): FieldErrors {
	const errors: FieldErrors = {};
	for (const type of HOUR_TYPE_VALUES)
		if (Number(hours[type]) > 0 && !service.hour_types.includes(type))
			errors[type] =
				`${service.name} does not offer ${HOUR_TYPES[type]} hours: enter 0, or choose another service`;
	return errors;
}

/**
 * Ends a package of the caller's child: the end date, why, and (when it broke down or ended for
 * another reason) an explanation. Field errors come back; nothing is saved with any.
 */
export async function endCarePackage(
	db: DB,
	user: StaffUser,
	childId: string,
	packageId: string,
	input: Partial<Record<string, string>>
): Promise<FieldErrors> {
	await get(db, user, childId, 'child.viewed_for_change');
	const carePackage = packageOfChild(
		isUuid(packageId) ? await carePackageRepo.find(db, packageId) : undefined,
		childId
	);
	if (carePackage.end_reason) return { end_on: ALREADY_ENDED };
	const { end, errors } = readPackageEnd(input, carePackage.starts_on);
	if (Object.keys(errors).length) return errors;
	// Only a package not yet ended is changed, so of two ends at once one wins and is audited.
	const ended = await db.transaction().execute(async (trx) => {
		if (!(await carePackageRepo.end(trx, carePackage.id, end))) return false;
		await audit.record(trx, user.id, 'care_package.ended', 'care_package', carePackage.id, {
			childId,
			reason: end.end_reason
		});
		return true;
	});
	return ended ? {} : { end_on: ALREADY_ENDED };
}

export const ALREADY_ENDED = 'This care package has already ended';

/**
 * Changes a child's record. The reference stays the provider's own and unique; the audit names
 * the fields changed, never their values.
 */
export async function update(
	db: DB,
	user: StaffUser,
	id: string,
	input: ChildInput
): Promise<FieldErrors> {
	const child = await get(db, user, id, 'child.viewed_for_change');
	const same = await childRepo.findByReference(db, child.provider_id, input.reference);
	if (same && same.id !== child.id) return { reference: REFERENCE_TAKEN.message };
	const values = { ...input, send_needs: JSON.stringify(input.send_needs) };
	const fields = (Object.keys(values) as (keyof typeof values)[]).filter(
		(k) => (k === 'send_needs' ? JSON.stringify(child.send_needs) : child[k]) !== values[k]
	);
	try {
		await db.transaction().execute(async (trx) => {
			if (!(await childRepo.update(trx, child.id, values))) return;
			await audit.record(trx, user.id, 'child.changed', 'child', child.id, { fields });
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { reference: REFERENCE_TAKEN.message };
		throw e;
	}
	return {};
}

const findPackage = (db: DB, id: string) =>
	isUuid(id) ? carePackageRepo.find(db, id) : Promise.resolve(undefined);

/** A care package of the caller's child, with the services it may move to. */
export async function carePackage(db: DB, user: StaffUser, childId: string, packageId: string) {
	const child = await get(db, user, childId, 'child.viewed_for_change');
	const found = packageOfChild(await findPackage(db, packageId), child.id);
	const open = await serviceRepo.listOpenForProvider(db, child.provider_id);
	const current = await serviceRepo.find(db, found.service_id);
	// Its own service stays a choice after it is retired; no other retired one is offered.
	const services = open.some((s) => s.id === found.service_id) ? open : [current!, ...open];
	return { child, carePackage: found, services };
}

/** Changes a package not yet ended: its service, dates and hours. */
export async function changeCarePackage(
	db: DB,
	user: StaffUser,
	childId: string,
	packageId: string,
	input: CarePackageInput
): Promise<FieldErrors> {
	const { carePackage: found, services } = await carePackage(db, user, childId, packageId);
	if (found.end_reason) return { starts_on: ALREADY_ENDED };
	const service = services.find((s) => s.id === input.service_id);
	if (!service) return { service_id: 'Choose one of your services' };
	const errors = hoursNotOffered(service, input.hours);
	if (Object.keys(errors).length) return errors;
	const changed = await db.transaction().execute(async (trx) => {
		const values = {
			service_id: input.service_id,
			starts_on: input.starts_on,
			ends_on: input.ends_on,
			...input.hours
		};
		if (!(await carePackageRepo.update(trx, found.id, values))) return false;
		await audit.record(trx, user.id, 'care_package.changed', 'care_package', found.id, {
			childId
		});
		return true;
	});
	return changed ? {} : { starts_on: ALREADY_ENDED };
}
