import { PROVIDER_ROLES } from '../../domain/roles';
import { notFound } from '../access/roles';
import { installationScope } from '../access/scopes';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import { isUuid } from '../db/ids';
import * as providerRepo from '../db/provider';
import type { Provider } from '../db/schema';
import * as serviceRepo from '../db/service';
import * as userRepo from '../db/user';
import { ukToday } from '../../calendar/dates';
import * as blockers from './retirement';
import type { Retirement } from './retirement';
import { hasAny, refused, refusingDuplicates, retireAudited, type Saved } from './saved';
import { readProvider } from './validate';

// Providers, added and changed by an administrator; never deleted, only retired.

/** A provider by its id (an id that is not one is "not found"); null asks for a new one. */
export function get(db: DB, user: StaffUser, id: string): Promise<Provider>;
export function get(db: DB, user: StaffUser, id: string | null): Promise<Provider | null>;
export async function get(db: DB, user: StaffUser, id: string | null) {
	installationScope(user, 'organisations.manage');
	if (id === null) return null;
	const provider = isUuid(id) ? await providerRepo.find(db, id) : undefined;
	if (!provider) notFound();
	return provider;
}

/** What the provider's page shows: the provider with its services and staff; nothing if new. */
export async function form(db: DB, user: StaffUser, id: string | null) {
	const provider = await get(db, user, id);
	if (!provider) return { detail: null };
	return {
		detail: {
			provider,
			services: await serviceRepo.listForProvider(db, provider.id),
			people: await userRepo.listRole(db, provider.id, PROVIDER_ROLES)
		}
	};
}

/** Adds a provider (`id` null) or changes one; a name already used is refused. */
export async function save(
	db: DB,
	user: StaffUser,
	id: string | null,
	posted: Partial<Record<string, string>>
): Promise<Saved> {
	await get(db, user, id);
	const { provider, errors } = readProvider(posted);
	if (hasAny(errors)) return refused(errors);
	const byName = await providerRepo.findByName(db, provider.name);
	if (byName && byName.id !== id)
		return refused({ name: `A provider called ${byName.name} already exists` });
	return refusingDuplicates(
		db.transaction().execute(async (trx) => {
			const saved = id ?? (await providerRepo.insert(trx, provider)).id;
			if (id) await providerRepo.update(trx, id, provider);
			await audit.record(
				trx,
				user.id,
				id ? 'provider.changed' : 'provider.created',
				'provider',
				saved,
				{
					name: provider.name
				}
			);
			return { ok: true as const, id: saved };
		}),
		{ name: 'A provider with this name already exists' }
	);
}

/** What stands in the way of retiring the provider today: nothing, or each reason. */
export async function retireBlockers(db: DB, user: StaffUser, id: string): Promise<string[]> {
	const provider = await get(db, user, id);
	return provider.retired_at ? [] : blockers.ofProvider(db, provider.id, ukToday());
}

/** Retires a provider with nothing running, and its services with it; their records stay. */
export async function retire(db: DB, user: StaffUser, id: string): Promise<Retirement> {
	const provider = await get(db, user, id);
	return retireAudited(
		db,
		user,
		'provider',
		provider.id,
		providerRepo.retire,
		(trx) => blockers.ofProvider(trx, provider.id, ukToday()),
		async (trx) => {
			for (const s of await serviceRepo.listOpenForProvider(trx, provider.id))
				if (await serviceRepo.retire(trx, s.id))
					await audit.record(trx, user.id, 'service.retired', 'service', s.id, {
						withProvider: provider.id
					});
		}
	);
}
