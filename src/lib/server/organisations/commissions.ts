import { ukDate } from '../../calendar/dates';
import { FRAMEWORKS, FRAMEWORK_SERVICE_KIND } from '../../domain/frameworks';
import { SERVICE_KINDS } from '../../domain/service-kinds';
import { notFound } from '../access/roles';
import { installationScope } from '../access/scopes';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as commissionRepo from '../db/commission';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { isUuid } from '../db/ids';
import * as providerRepo from '../db/provider';
import * as serviceRepo from '../db/service';
import { hasAny, refused, type Saved } from './saved';
import { readCommission } from './validate';

// Which council commissions which provider, from when to when, under which framework. A
// commission is never deleted: it ends on its end date, and its returns and figures stay.

/**
 * What the commission's form shows: the commission (an id that is not one is "not found"), or
 * for a new one (null) the councils and providers not retired, to choose from. A commission's
 * council and provider stay.
 */
export async function form(db: DB, user: StaffUser, id: string | null) {
	installationScope(user, 'organisations.manage');
	if (id === null)
		return {
			commission: null,
			councils: await councilRepo.listOpen(db),
			providers: await providerRepo.listOpen(db)
		};
	const commission = isUuid(id) ? await commissionRepo.find(db, id) : undefined;
	if (!commission) notFound();
	const [council, provider] = await Promise.all([
		councilRepo.find(db, commission.council_id),
		providerRepo.find(db, commission.provider_id)
	]);
	return {
		commission: { ...commission, council_name: council!.name, provider_name: provider!.name },
		councils: [],
		providers: []
	};
}

/**
 * Adds a commission (`id` null) or changes one's dates and framework (its council and provider
 * stay). Refused: a retired council or provider for a new one, an end before the start, dates
 * that overlap another commission of the same council and provider, and a provider with no
 * service (not retired) for the council of the kind the framework commissions: its figures and
 * returns would have nothing to come from.
 */
export async function save(
	db: DB,
	user: StaffUser,
	id: string | null,
	posted: Partial<Record<string, string>>
): Promise<Saved> {
	const { commission: existing } = await form(db, user, id);
	const { commission: c, errors } = readCommission(
		existing ? { ...posted, council: existing.council_id, provider: existing.provider_id } : posted
	);
	const council = isUuid(c.council) ? await councilRepo.find(db, c.council) : undefined;
	const provider = isUuid(c.provider) ? await providerRepo.find(db, c.provider) : undefined;
	if (!council || (!existing && council.retired_at))
		errors.council = 'Choose a council from the list';
	if (!provider || (!existing && provider.retired_at))
		errors.provider = 'Choose a provider from the list';
	if (hasAny(errors) || !council || !provider) return refused(errors);
	const kind = FRAMEWORK_SERVICE_KIND[c.framework];
	if (!(await serviceRepo.hasOpen(db, provider.id, council.id, kind)))
		return refused({
			provider: `${provider.name} has no ${SERVICE_KINDS[kind].toLowerCase()} service for ${council.name}, which the ${FRAMEWORKS[c.framework]} framework commissions: add the service to the provider first`
		});
	const values = {
		council_id: council.id,
		provider_id: provider.id,
		starts_on: c.starts_on,
		ends_on: c.ends_on,
		framework: c.framework
	};
	return db.transaction().execute(async (trx) => {
		// One change to a provider's commissions at a time, so two overlapping ones cannot both pass.
		await providerRepo.lock(trx, provider.id);
		const clash = await commissionRepo.overlapping(
			trx,
			{ councilId: council.id, providerId: provider.id, startsOn: c.starts_on, endsOn: c.ends_on },
			id
		);
		if (clash)
			return refused({
				starts_on: `${council.name} already commissions ${provider.name} from ${ukDate(clash.starts_on)}${clash.ends_on ? ` to ${ukDate(clash.ends_on)}` : ' with no end date'}: the dates must not overlap`
			});
		const saved = id ?? (await commissionRepo.insert(trx, values)).id;
		if (id) await commissionRepo.update(trx, id, values);
		await audit.record(
			trx,
			user.id,
			id ? 'commission.changed' : 'commission.created',
			'commission',
			saved,
			values
		);
		return { ok: true as const, id: saved };
	});
}
