import { ukDate } from '../../calendar/dates';
import * as carePackageRepo from '../db/care-package';
import * as commissionRepo from '../db/commission';
import type { DB } from '../db/connect';
import * as serviceRepo from '../db/service';

// What stands in the way of retiring a council, a provider or a service. Retiring one that still
// has work running would leave returns owed and figures counted for something "retired", so the
// work is ended first: each reason says what and where.

/** What retiring gave: done (or already retired: `changed` false), or why it cannot be yet. */
export type Retirement = { ok: true; changed: boolean } | { ok: false; reasons: string[] };

const period = (c: { starts_on: string; ends_on: string | null }) =>
	c.ends_on
		? `${ukDate(c.starts_on)} to ${ukDate(c.ends_on)}`
		: `from ${ukDate(c.starts_on)}, with no end date`;

const packages = (n: number) => (n === 1 ? '1 care package' : `${n} care packages`);

/** A council: its commissions running on `today`, and the services still working for it. */
export async function ofCouncil(db: DB, councilId: string, today: string): Promise<string[]> {
	const [commissions, services] = await Promise.all([
		commissionRepo.runningOn(db, { councilId }, today),
		serviceRepo.listOpenForCouncil(db, councilId)
	]);
	return [
		...commissions.map(
			(c) =>
				`It still commissions ${c.provider_name} (${period(c)}): give the commission an end date`
		),
		...services.map(
			(s) => `${s.provider_name}’s service ${s.name} still works for it: retire the service first`
		)
	];
}

/** A provider: its commissions running on `today`, and its services' care packages not ended. */
export async function ofProvider(db: DB, providerId: string, today: string): Promise<string[]> {
	const [commissions, services] = await Promise.all([
		commissionRepo.runningOn(db, { providerId }, today),
		serviceRepo.listOpenForProvider(db, providerId)
	]);
	const reasons = commissions.map(
		(c) => `${c.council_name} still commissions it (${period(c)}): give the commission an end date`
	);
	for (const s of services) reasons.push(...(await ofService(db, s.id, today, s.name)));
	return reasons;
}

/** A service: its care packages not ended by `today` (counted; children are not named here). */
export async function ofService(
	db: DB,
	serviceId: string,
	today: string,
	name?: string
): Promise<string[]> {
	const n = await carePackageRepo.countNotEnded(db, serviceId, today);
	if (n === 0) return [];
	const where = name ? `The service ${name} has` : 'It has';
	return [`${where} ${packages(n)} not ended: its staff end them first`];
}
