import type { StaffUser } from '../auth/sessions';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { councilsOfProvider, frameworksOf, servicesOfCouncil } from '../db/dashboard';
import type { Framework } from '../../domain/frameworks';
import { can } from './policy';
import { organisationScope } from './scopes';

export interface Scope {
	councilId: string;
	councilName: string;
	/** Councils the caller may choose between (a provider working for several). */
	councils: { id: string; name: string }[];
	providers: { id: string; name: string }[];
	services: { id: string; name: string; provider_id: string }[];
	/** A provider's own id: they see only their services. */
	ownProviderId: string | null;
	canSetTargets: boolean;
	/**
	 * The frameworks the council commissions under (a provider: commissions it under): they decide
	 * which measures, views and targets apply.
	 */
	frameworks: Framework[];
}

/**
 * What the caller's dashboard covers: a commissioner, their council; a provider's staff, each
 * council that commissions them (one chosen at a time), and only their own services in it.
 */
export async function dashboardScope(
	db: DB,
	user: StaffUser,
	council?: string | null
): Promise<Scope> {
	const own = organisationScope(user, 'dashboard.view');
	const councils =
		own.kind === 'council'
			? // The name comes with the services below.
				[{ id: own.councilId, name: '' }]
			: await councilsOfProvider(db, own.providerId);
	const chosen = councils.find((c) => c.id === council) ?? councils[0];
	if (!chosen) {
		return {
			councilId: '',
			councilName: '',
			councils,
			providers: [],
			services: [],
			ownProviderId: user.providerId,
			canSetTargets: false,
			frameworks: []
		};
	}
	let services = await servicesOfCouncil(db, chosen.id);
	if (user.providerId) services = services.filter((s) => s.provider_id === user.providerId);
	const providers = [...new Map(services.map((s) => [s.provider_id, s.provider_name]))].map(
		([id, name]) => ({ id, name })
	);
	return {
		councilId: chosen.id,
		councilName:
			services[0]?.council_name ||
			chosen.name ||
			((await councilRepo.find(db, chosen.id))?.name ?? ''),
		councils,
		providers,
		services: services.map((s) => ({ id: s.id, name: s.name, provider_id: s.provider_id })),
		ownProviderId: user.providerId,
		canSetTargets: can(user.role, 'targets.set'),
		frameworks: await frameworksOf(db, chosen.id, user.providerId)
	};
}

/** The council whose targets a commissioner sets, and the provider asked for if it is theirs. */
export async function targetScope(db: DB, user: StaffUser, providerId: string | null) {
	const scope = await dashboardScope(db, user);
	if (!scope.canSetTargets) return null;
	if (providerId && !scope.providers.some((p) => p.id === providerId)) return null;
	return scope;
}
