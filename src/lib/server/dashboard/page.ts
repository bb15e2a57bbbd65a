import { ukToday } from '../../calendar/dates';
import { app } from '../app';
import { requireAccess } from '../access/roles';
import type { StaffUser } from '../auth/sessions';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { DEFAULT_ATTRIBUTE_THRESHOLD } from '../statistics/suppress';
import { periodChoices, readQuery, type DashboardQuery, type FilterError } from './query';
import { dashboardScope, type Scope } from '../access/dashboard';

export interface DashboardPage {
	db: DB;
	user: StaffUser;
	scope: Scope;
	query: DashboardQuery;
	errors: FilterError[];
	threshold: number;
	/** Below this many answers a 0% or 100% figure is hidden: the council's own, or the default. */
	attributeThreshold: number;
}

/** Every dashboard page and export starts here: role first, then the caller's scope, then filters. */
export async function openDashboard(locals: App.Locals, url: URL): Promise<DashboardPage> {
	const user = requireAccess(locals, 'dashboard.view');
	const { connection, config } = await app();
	const scope = await dashboardScope(connection.db, user, url.searchParams.get('council'));
	const { query, errors } = readQuery(url.searchParams, scope, ukToday());
	const stamp = scope.councilId
		? await councilRepo.figuresStamp(connection.db, scope.councilId)
		: null;
	return {
		db: connection.db,
		user,
		scope,
		query,
		errors,
		threshold: config.suppressionThreshold,
		attributeThreshold: stamp?.attributeThreshold ?? DEFAULT_ATTRIBUTE_THRESHOLD
	};
}

/** What every dashboard page sends to its filters. */
export function filterData(p: DashboardPage) {
	const { scope, query, errors, threshold, attributeThreshold } = p;
	return {
		scope: {
			councilId: scope.councilId,
			councilName: scope.councilName,
			councils: scope.councils,
			providers: scope.providers,
			services: scope.services,
			ownProviderId: scope.ownProviderId,
			canSetTargets: scope.canSetTargets,
			frameworks: scope.frameworks
		},
		query: { ...query, period: query.period },
		errors: Object.fromEntries(errors.map((e) => [e.field, e.message])),
		choices: periodChoices(ukToday()),
		threshold,
		attributeThreshold
	};
}
