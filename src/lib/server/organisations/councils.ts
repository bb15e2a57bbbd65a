import { notFound } from '../access/roles';
import { installationScope } from '../access/scopes';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import type { Council } from '../db/schema';
import * as councilRepo from '../db/council';
import { isUuid } from '../db/ids';
import { ukToday } from '../../calendar/dates';
import * as blockers from './retirement';
import type { Retirement } from './retirement';
import { hasAny, refused, refusingDuplicates, retireAudited, type Saved } from './saved';
import { readCouncil } from './validate';

// Councils, added and changed by an administrator. A council is never deleted: retired, it keeps
// its past figures and returns and is offered for nothing new.

/** A council by its id (an id that is not one is "not found"); null asks for a new one. */
export function get(db: DB, user: StaffUser, id: string): Promise<Council>;
export function get(db: DB, user: StaffUser, id: string | null): Promise<Council | null>;
export async function get(db: DB, user: StaffUser, id: string | null) {
	installationScope(user, 'organisations.manage');
	if (id === null) return null;
	const council = isUuid(id) ? await councilRepo.find(db, id) : undefined;
	if (!council) notFound();
	return council;
}

/** Adds a council (`id` null) or changes one; a code or name already used is refused. */
export async function save(
	db: DB,
	user: StaffUser,
	id: string | null,
	posted: Partial<Record<string, string>>
): Promise<Saved> {
	await get(db, user, id);
	const { council, errors } = readCouncil(posted);
	if (hasAny(errors)) return refused(errors);
	const byCode = await councilRepo.findByCode(db, council.code);
	if (byCode && byCode.id !== id)
		errors.code = `A council with the code ${council.code} already exists`;
	const byName = await councilRepo.findByName(db, council.name);
	if (byName && byName.id !== id) errors.name = `A council called ${byName.name} already exists`;
	if (hasAny(errors)) return refused(errors);
	// Two requests with one code or name at once: the database refuses the second.
	return refusingDuplicates(
		db.transaction().execute(async (trx) => {
			const saved = id ?? (await councilRepo.insert(trx, council)).id;
			if (id) await councilRepo.update(trx, id, council);
			await audit.record(
				trx,
				user.id,
				id ? 'council.changed' : 'council.created',
				'council',
				saved,
				council
			);
			return { ok: true as const, id: saved };
		}),
		{ name: 'A council with this code or name already exists' }
	);
}

/** What stands in the way of retiring the council today: nothing, or each reason. */
export async function retireBlockers(db: DB, user: StaffUser, id: string): Promise<string[]> {
	const council = await get(db, user, id);
	return council.retired_at ? [] : blockers.ofCouncil(db, council.id, ukToday());
}

/** Retires a council with nothing running; its records stay. */
export async function retire(db: DB, user: StaffUser, id: string): Promise<Retirement> {
	const council = await get(db, user, id);
	return retireAudited(db, user, 'council', council.id, councilRepo.retire, (trx) =>
		blockers.ofCouncil(trx, council.id, ukToday())
	);
}
