import { COMPLETION_MODE_VALUES } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';
import { isOneOf } from '../../domain/words';
import { isKeyOf } from '../../own';
import { distinct } from '../forms/repeated';
import { BREAKDOWNS, type BreakdownKey } from '../../domain/breakdowns';
import {
	monthsEnding,
	monthsOf,
	parsePeriodKey,
	quarter,
	quartersEnding,
	range,
	yearsEnding,
	type Period
} from '../../calendar/periods';
import { VIEWS, type ViewName, allMeasures } from './measures';
import { VIEW_FRAMEWORK, viewsOf } from '../../domain/dashboard-views';
import { FRAMEWORKS } from '../../domain/frameworks';
import { type Scope } from '../access/dashboard';

export interface DashboardQuery {
	view: ViewName;
	period: Period;
	periodKey: string;
	from: string;
	to: string;
	providerId: string | null;
	serviceId: string | null;
	modes: string[];
	sources: string[];
	breakdown: BreakdownKey;
	measureId: string;
	quarters: number;
}

export interface FilterError {
	field: string;
	message: string;
}

/** The last financial quarter that has ended. */
export function defaultPeriod(today: string): Period {
	const current = quarter(today);
	return quartersEnding(current.start, 2)[0]!;
}

/** Reads the filters from the URL; anything unrecognised is reported and replaced by the default. */
export function readQuery(
	params: URLSearchParams,
	scope: Scope,
	today: string
): { query: DashboardQuery; errors: FilterError[] } {
	const errors: FilterError[] = [];
	const fallback = defaultPeriod(today);
	// The council's commissions decide the views: Dorset outcomes only where it commissions under
	// Dorset's framework. With no commission yet, the first view shows that nothing is counted.
	const views = viewsOf(scope.frameworks);
	const firstView = views[0] ?? 'statements';
	const viewParam = params.get('view') ?? firstView;
	const view: ViewName =
		isKeyOf(VIEWS, viewParam) && views.includes(viewParam) ? viewParam : firstView;
	if (!isKeyOf(VIEWS, viewParam))
		errors.push({ field: 'view', message: 'Choose a view from the list' });
	else if (view !== viewParam)
		errors.push({
			field: 'view',
			message: `${scope.councilName || 'The council'} commissions nothing under ${FRAMEWORKS[VIEW_FRAMEWORK[viewParam]]}: choose a view from the list`
		});

	let period = fallback;
	const periodKey = params.get('period') ?? fallback.key;
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	if (periodKey === 'custom') {
		const month = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;
		if (!month.test(from) || !month.test(to)) {
			errors.push({
				field: 'from',
				message: 'Enter the first and last month of the range, like 2025-04 and 2025-09'
			});
		} else if (to < from) {
			errors.push({ field: 'to', message: 'The last month must be on or after the first month' });
		} else if (monthsOf({ start: `${from}-01`, end: `${to}-01` }).length > 36) {
			errors.push({ field: 'to', message: 'A range can be at most 36 months' });
		} else {
			period = range(`${from}-01`, `${to}-01`);
		}
	} else {
		const parsed = parsePeriodKey(periodKey);
		if (parsed) period = parsed;
		else errors.push({ field: 'period', message: 'Choose a period from the list' });
	}

	let providerId = scope.ownProviderId ?? (params.get('provider') || null);
	if (providerId && !scope.providers.some((p) => p.id === providerId)) {
		errors.push({ field: 'provider', message: 'Choose a provider from the list' });
		providerId = scope.ownProviderId;
	}
	let serviceId = params.get('service') || null;
	const service = scope.services.find((s) => s.id === serviceId);
	if (serviceId && (!service || (providerId && service.provider_id !== providerId))) {
		errors.push({ field: 'service', message: 'Choose a service from the list' });
		serviceId = null;
	}
	if (service && !providerId) providerId = service.provider_id;

	const filtered = params.get('filtered') === '1';
	const pick = (name: string, allowed: readonly string[], message: string) => {
		const chosen = distinct(params.getAll(name));
		if (chosen.some((v) => !allowed.includes(v))) {
			errors.push({ field: name, message });
			return [...allowed];
		}
		if (chosen.length === 0 && filtered) {
			errors.push({ field: name, message });
			return [...allowed];
		}
		return chosen.length ? chosen : [...allowed];
	};
	const modes = pick(
		'mode',
		COMPLETION_MODE_VALUES,
		'Choose at least one way of answering from the list'
	);
	const sources = pick('source', SOURCE_VALUES, 'Choose at least one source from the list');

	const b = params.get('breakdown') ?? 'none';
	let breakdown: BreakdownKey = 'none';
	if (!isOneOf(BREAKDOWNS, b)) {
		errors.push({ field: 'breakdown', message: 'Choose a breakdown from the list' });
	} else if (b === 'provider' && (providerId || scope.ownProviderId)) {
		errors.push({ field: 'breakdown', message: 'To break down by provider, choose all providers' });
	} else if (b === 'service' && serviceId) {
		errors.push({ field: 'breakdown', message: 'To break down by service, choose all services' });
	} else breakdown = b;

	const ids = allMeasures(scope.frameworks).map((m) => m.id);
	const measureParam = params.get('measure') ?? ids[0] ?? '';
	const measureId = ids.includes(measureParam) ? measureParam : (ids[0] ?? '');
	if (!ids.includes(measureParam))
		errors.push({ field: 'measure', message: 'Choose a measure from the list' });
	const q = Number(params.get('quarters') ?? '8');
	const quarters = Number.isInteger(q) && q >= 4 && q <= 8 ? q : 8;
	if (quarters !== q) errors.push({ field: 'quarters', message: 'Show between 4 and 8 quarters' });

	return {
		query: {
			view,
			period,
			periodKey: period.kind === 'range' ? 'custom' : period.key,
			from: period.kind === 'range' ? period.start.slice(0, 7) : from,
			to: period.kind === 'range' ? period.end.slice(0, 7) : to,
			providerId,
			serviceId,
			modes,
			sources,
			breakdown,
			measureId,
			quarters
		},
		errors
	};
}

/** Periods offered in the filter: recent quarters, years and months. */
export function periodChoices(today: string) {
	return {
		quarters: quartersEnding(today, 8).reverse(),
		years: yearsEnding(today, 3),
		months: monthsEnding(today, 24)
	};
}
