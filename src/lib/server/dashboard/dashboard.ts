import { error } from '@sveltejs/kit';
import { AGE_BANDS } from '../../domain/age-bands';
import { COMPLETION_MODE_VALUES, NOT_ASKED } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';
import { isOneOf } from '../../domain/words';
import { isKeyOf } from '../../own';
import type { StaffUser } from '../auth/sessions';
import { measures as catalogue, type MeasureDefinition } from '../catalogue/measures';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { councilsOfProvider, servicesOfCouncil, type PeriodLevel } from '../db/dashboard';
import { distinct } from '../forms/repeated';
import * as targetRepo from '../db/target';
import {
	allCouncilsFigures,
	councilFigures,
	type Figure,
	type Figures
} from '../statistics/figures';
import { BREAKDOWNS, valueLabel, type BreakdownKey } from '../../domain/breakdowns';
import { isSplit } from '../statistics/cube';
import { RELIABILITY_WIDTH, type FigureSymbol } from '../../figure-symbols';
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
import type { ExportRow, Rag } from './types';

/**
 * The dashboard's views for commissioners (their council) and providers (their own services):
 * every access check happens here first, then figures come from ./figures.ts.
 */

export type ViewName = 'statements' | 'service' | 'dorset';
export const VIEWS: Record<ViewName, string> = {
	statements: 'Lancashire statements',
	service: 'Carer and service measures',
	dorset: 'Dorset outcomes'
};

export interface MeasureInfo {
	id: string;
	label: string;
	outcome: string;
	respondent: string;
	kind: 'percent' | 'count';
	headline: boolean;
}

const info = (m: MeasureDefinition): MeasureInfo => ({ ...m, headline: false });

/** The measures a view shows, grouped under their outcome or heading, in catalogue order. */
export function measureGroups(view: ViewName): { outcome: string; measures: MeasureInfo[] }[] {
	const chosen = catalogue.filter((m) =>
		view === 'dorset'
			? m.framework === 'dorset'
			: m.framework === 'lancashire' &&
				(view === 'statements') === (m.respondent === 'child' && m.kind === 'percent')
	);
	const groups = new Map<string, MeasureInfo[]>();
	for (const m of chosen) {
		let list = groups.get(m.outcome);
		if (!list) {
			groups.set(m.outcome, (list = []));
			if (view === 'dorset') list.push(dorsetHeadline(m));
		}
		list.push(info(m));
	}
	return [...groups].map(([outcome, measures]) => ({ outcome, measures }));
}

/** Each Dorset outcome's headline, defined once (src/lib/server/db/tally.ts, README). */
function dorsetHeadline(output: MeasureDefinition): MeasureInfo {
	const outcome = output.id.split('.')[1]!;
	return {
		id: `dorset.${outcome}`,
		label: `Headline: % of children with no negative answer on this outcome's outputs`,
		outcome: output.outcome,
		respondent: 'child',
		kind: 'percent',
		headline: true
	};
}

export function allMeasures(): MeasureInfo[] {
	return (['statements', 'service', 'dorset'] as const).flatMap((v) =>
		measureGroups(v).flatMap((g) => g.measures)
	);
}

// ---------------------------------------------------------------- scope

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
}

export async function scopeFor(db: DB, user: StaffUser, council?: string | null): Promise<Scope> {
	let councils: { id: string; name: string }[];
	if (user.role === 'commissioner' && user.councilId) {
		// The name comes with the services below.
		councils = [{ id: user.councilId, name: '' }];
	} else if (
		(user.role === 'provider_manager' || user.role === 'provider_staff') &&
		user.providerId
	) {
		councils = await councilsOfProvider(db, user.providerId);
	} else {
		error(403, 'Your role does not give access to this page');
	}
	const chosen = councils.find((c) => c.id === council) ?? councils[0];
	if (!chosen) {
		return {
			councilId: '',
			councilName: '',
			councils,
			providers: [],
			services: [],
			ownProviderId: user.providerId,
			canSetTargets: false
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
		canSetTargets: user.role === 'commissioner'
	};
}

// ---------------------------------------------------------------- filters

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
	const viewParam = params.get('view') ?? 'statements';
	const view: ViewName = isKeyOf(VIEWS, viewParam) ? viewParam : 'statements';
	if (!isKeyOf(VIEWS, viewParam))
		errors.push({ field: 'view', message: 'Choose a view from the list' });

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

	const ids = allMeasures().map((m) => m.id);
	const measureParam = params.get('measure') ?? ids[0]!;
	const measureId = ids.includes(measureParam) ? measureParam : ids[0]!;
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

// ---------------------------------------------------------------- figures shown

export interface Shown {
	suppressed: boolean;
	symbol: FigureSymbol | null;
	numerator: number | null;
	denominator: number | null;
	notCounted: number | null;
	percent: number | null;
	ciLow: number | null;
	ciHigh: number | null;
}

const nothing = {
	numerator: null,
	denominator: null,
	notCounted: null,
	percent: null,
	ciLow: null,
	ciHigh: null
};

/** A figure the app does not publish (`x`). */
export const notAvailable: Shown = { suppressed: false, symbol: 'x', ...nothing };

export function shown(f: Figure | undefined): Shown {
	if (!f) {
		return {
			suppressed: false,
			symbol: 'z',
			numerator: 0,
			denominator: 0,
			notCounted: 0,
			percent: null,
			ciLow: null,
			ciHigh: null
		};
	}
	if (f.notPublished) return notAvailable;
	if (f.suppressed) return { suppressed: true, symbol: 'c', ...nothing };
	const symbol: FigureSymbol | null =
		f.percent === null
			? 'z'
			: f.ci_low !== null && f.ci_high !== null && f.ci_high - f.ci_low > RELIABILITY_WIDTH
				? 'u'
				: null;
	return {
		suppressed: false,
		symbol,
		numerator: f.positive,
		denominator: f.positive + f.negative,
		notCounted: f.not_counted,
		percent: f.percent,
		ciLow: f.ci_low,
		ciHigh: f.ci_high
	};
}

export interface Target {
	greenFrom: number;
	amberFrom: number;
}

export function ragOf(s: Shown, t: Target | null): Rag | null {
	if (!t || s.suppressed || s.percent === null) return null;
	if (s.percent >= t.greenFrom) return 'green';
	if (s.percent >= t.amberFrom) return 'amber';
	return 'red';
}

type Targets = (measureId: string, providerId: string | null) => Target | null;

async function targetsOf(db: DB, councilId: string): Promise<Targets> {
	const rows = await targetRepo.listForCouncil(db, councilId);
	const map = new Map(
		rows.map((r) => [
			`${r.measure_id}|${r.provider_id ?? ''}`,
			{ greenFrom: r.green_from, amberFrom: r.amber_from }
		])
	);
	return (m, p) => (p ? map.get(`${m}|${p}`) : undefined) ?? map.get(`${m}|`) ?? null;
}

/** Whether the view's filters leave any way of answering or source out. */
const filtered = (q: DashboardQuery) =>
	COMPLETION_MODE_VALUES.some((m) => !q.modes.includes(m)) ||
	SOURCE_VALUES.some((s) => !q.sources.includes(s));

const levelOf = (p: Period): PeriodLevel => (p.kind === 'range' ? 'range' : p.kind);

export interface Row {
	measure: MeasureInfo;
	/** The breakdown value's words, or null for the measure's own figure. */
	value: string | null;
	valueKey: string | null;
	figure: Shown;
	target: Target | null;
	rag: Rag | null;
}

export interface Context {
	councilName: string;
	providerName: string;
	serviceName: string;
}

function contextOf(scope: Scope, q: DashboardQuery): Context {
	return {
		councilName: scope.councilName,
		providerName: scope.providers.find((p) => p.id === q.providerId)?.name ?? '',
		serviceName: scope.services.find((s) => s.id === q.serviceId)?.name ?? ''
	};
}

function request(scope: Scope, q: DashboardQuery, period: Period, threshold: number) {
	return {
		councilId: scope.councilId,
		period,
		modes: [...q.modes, NOT_ASKED],
		sources: q.sources,
		breakdown: q.breakdown,
		threshold
	};
}

/** Breakdown values present for a measure, in a sensible order. */
function valuesOf(
	figures: Figures,
	scope: Scope,
	q: DashboardQuery,
	measureId: string
): { key: string; label: string; at: Partial<Figure> }[] {
	const entity = { provider_id: q.providerId, service_id: q.serviceId };
	const at = { period: levelOf(q.period), period_start: q.period.start };
	if (q.breakdown === 'provider')
		return scope.providers.map((p) => ({
			key: p.id,
			label: p.name,
			at: { ...at, provider_id: p.id, service_id: null, value: null }
		}));
	if (q.breakdown === 'service')
		return scope.services
			.filter((s) => !q.providerId || s.provider_id === q.providerId)
			.map((s) => ({
				key: s.id,
				label: s.name,
				at: { ...at, provider_id: s.provider_id, service_id: s.id, value: null }
			}));
	if (q.breakdown === 'month')
		return monthsOf(q.period).map((m) => ({
			key: m.slice(0, 7),
			label: m.slice(0, 7),
			at: { ...entity, period: 'month', period_start: m, value: null }
		}));
	// A split of one service or one month is not published: not even which values had answers.
	if (isSplit(q.breakdown) && (q.serviceId !== null || q.period.kind === 'month')) return [];
	// Values left out by the filters (say, answers given by an adult) are not listed.
	const order = [...COMPLETION_MODE_VALUES, NOT_ASKED, ...SOURCE_VALUES, ...AGE_BANDS] as string[];
	const values = figures
		.all()
		.filter(
			(f) =>
				f.measure_id === measureId &&
				f.value !== null &&
				f.provider_id === entity.provider_id &&
				f.service_id === entity.service_id &&
				f.period === at.period &&
				f.period_start === at.period_start &&
				f.positive + f.negative + f.not_counted > 0
		)
		.map((f) => f.value!);
	return [...new Set(values)]
		.sort((a, b) => {
			const ia = order.indexOf(a);
			const ib = order.indexOf(b);
			return ia >= 0 && ib >= 0 ? ia - ib : ia >= 0 ? -1 : ib >= 0 ? 1 : a.localeCompare(b);
		})
		.map((v) => ({
			key: v,
			label: valueLabel(q.breakdown, v),
			at: { ...entity, ...at, value: v }
		}));
}

export interface MainView {
	groups: { outcome: string; rows: Row[] }[];
	context: Context;
	summary: string;
}

export async function mainView(
	db: DB,
	scope: Scope,
	q: DashboardQuery,
	threshold: number
): Promise<MainView> {
	const groups = measureGroups(q.view);
	const measureIds = groups.flatMap((g) => g.measures.map((m) => m.id));
	const [figures, targets] = await Promise.all([
		councilFigures(db, { ...request(scope, q, q.period, threshold), measureIds }),
		targetsOf(db, scope.councilId)
	]);
	const at = {
		provider_id: q.providerId,
		service_id: q.serviceId,
		period: levelOf(q.period),
		period_start: q.period.start,
		value: null
	};
	const out = groups.map((g) => ({
		outcome: g.outcome,
		rows: g.measures.flatMap((m) => {
			const target = targets(m.id, q.providerId);
			const head = shown(figures.get({ ...at, measure_id: m.id }));
			const rows: Row[] = [
				{ measure: m, value: null, valueKey: null, figure: head, target, rag: ragOf(head, target) }
			];
			if (q.breakdown !== 'none') {
				for (const v of valuesOf(figures, scope, q, m.id)) {
					const providerTarget =
						q.breakdown === 'provider' || q.breakdown === 'service'
							? targets(m.id, v.at.provider_id ?? null)
							: target;
					const s = shown(figures.get({ ...at, ...v.at, measure_id: m.id }));
					rows.push({
						measure: m,
						value: v.label,
						valueKey: v.key,
						figure: s,
						target: providerTarget,
						rag: ragOf(s, providerTarget)
					});
				}
			}
			return rows;
		})
	}));
	const context = contextOf(scope, q);
	return { groups: out, context, summary: summarise(out, q, context) };
}

function whoFor(c: Context): string {
	return c.serviceName || c.providerName || c.councilName;
}

function summarise(groups: { rows: Row[] }[], q: DashboardQuery, c: Context): string {
	const heads = groups.flatMap((g) => g.rows.filter((r) => r.value === null));
	const known = heads.filter((r) => r.figure.percent !== null);
	const hidden = heads.filter((r) => r.figure.suppressed).length;
	if (known.length === 0)
		return `No figures to show for ${whoFor(c)} in ${q.period.label}${hidden ? `: ${hidden} hidden (c) to protect small numbers` : ''}.`;
	const sorted = [...known].sort((a, b) => b.figure.percent! - a.figure.percent!);
	const top = sorted[0]!;
	const low = sorted[sorted.length - 1]!;
	const off = known.filter((r) => r.rag === 'red').length;
	return (
		`${whoFor(c)}, ${q.period.label}: highest ${top.figure.percent}% (${shortLabel(top.measure)}), ` +
		`lowest ${low.figure.percent}% (${shortLabel(low.measure)})` +
		(off ? `; ${off} below amber target` : '') +
		(hidden ? `; ${hidden} hidden (c) to protect small numbers` : '') +
		'.'
	);
}

export function shortLabel(m: MeasureInfo): string {
	return m.label.replace(/^(% of|Number of|Number and % of) /, '').replace(/\.$/, '');
}

// ---------------------------------------------------------------- compare

export interface CompareRow {
	measure: MeasureInfo;
	selected: Shown | null;
	council: Shown;
	all: Shown;
	target: Target | null;
	rag: Rag | null;
}

export async function compareView(
	db: DB,
	scope: Scope,
	q: DashboardQuery,
	threshold: number
): Promise<{
	groups: { outcome: string; rows: CompareRow[] }[];
	context: Context;
	summary: string;
}> {
	const groups = measureGroups(q.view);
	const measureIds = groups.flatMap((g) => g.measures.map((m) => m.id));
	const base = {
		...request(scope, q, q.period, threshold),
		breakdown: 'none' as const,
		measureIds
	};
	const [figures, everyone, targets] = await Promise.all([
		councilFigures(db, base),
		filtered(q) ? null : allCouncilsFigures(db, base, [q.period]),
		targetsOf(db, scope.councilId)
	]);
	const at = { period: levelOf(q.period), period_start: q.period.start, value: null };
	const out = groups.map((g) => ({
		outcome: g.outcome,
		rows: g.measures.map((m) => {
			const selected = q.providerId
				? shown(
						figures.get({
							...at,
							measure_id: m.id,
							provider_id: q.providerId,
							service_id: q.serviceId
						})
					)
				: null;
			const council = shown(figures.get({ ...at, measure_id: m.id }));
			const target = targets(m.id, q.providerId);
			return {
				measure: m,
				selected,
				council,
				all: everyone ? shown(everyone.get({ ...at, measure_id: m.id })) : notAvailable,
				target,
				rag: ragOf(selected ?? council, target)
			};
		})
	}));
	const context = contextOf(scope, q);
	const rows = out.flatMap((g) => g.rows);
	const both = rows.filter((r) => r.selected?.percent != null && r.council.percent !== null);
	const above = both.filter((r) => r.selected!.percent! > r.council.percent!).length;
	const summary = q.providerId
		? `${whoFor(context)} is above the council figure on ${above} of the ${both.length} measures both can show, ${q.period.label}.`
		: `${context.councilName} against every council together, ${q.period.label}: ${
				rows.filter(
					(r) =>
						r.council.percent !== null &&
						r.all.percent !== null &&
						r.council.percent > r.all.percent
				).length
			} measures above.`;
	return { groups: out, context, summary };
}

// ---------------------------------------------------------------- trend

export interface TrendPoint {
	period: Period;
	selected: Shown | null;
	council: Shown;
	all: Shown;
	target: Target | null;
	rag: Rag | null;
}

export async function trendView(
	db: DB,
	scope: Scope,
	q: DashboardQuery,
	threshold: number
): Promise<{ measure: MeasureInfo; points: TrendPoint[]; context: Context; summary: string }> {
	const measure = allMeasures().find((m) => m.id === q.measureId)!;
	const quarters = quartersEnding(q.period.end, q.quarters);
	const base = {
		...request(scope, q, quarters[0]!, threshold),
		breakdown: 'none' as const,
		measureIds: [measure.id]
	};
	const [figures, everyone, targets] = await Promise.all([
		councilFigures(db, { ...base, through: quarters[quarters.length - 1] }),
		filtered(q) ? null : allCouncilsFigures(db, base, quarters),
		targetsOf(db, scope.councilId)
	]);
	const target = targets(measure.id, q.providerId);
	const points = quarters.map((p) => {
		const at = { measure_id: measure.id, period: 'quarter' as const, period_start: p.start };
		const selected = q.providerId
			? shown(figures.get({ ...at, provider_id: q.providerId, service_id: q.serviceId }))
			: null;
		const council = shown(figures.get(at));
		return {
			period: p,
			selected,
			council,
			all: everyone ? shown(everyone.get(at)) : notAvailable,
			target,
			rag: ragOf(selected ?? council, target)
		};
	});
	const context = contextOf(scope, q);
	const values = points
		.map((p) => ({ p, v: (p.selected ?? p.council).percent }))
		.filter((x) => x.v !== null);
	const first = values[0];
	const last = values[values.length - 1];
	const summary =
		first && last && first !== last
			? `For ${whoFor(context)}, this measure went from ${first.v}% in ${first.p.period.label} to ${last.v}% in ${last.p.period.label}.`
			: `Not enough figures for ${whoFor(context)} to show a trend over these quarters.`;
	return { measure, points, context, summary };
}

// ---------------------------------------------------------------- export rows

export function exportRow(
	m: MeasureInfo,
	period: Period,
	c: Context,
	breakdown: string,
	value: string,
	s: Shown,
	target: Target | null,
	rag: Rag | null
): ExportRow {
	return {
		measure_id: m.id,
		measure: m.label,
		outcome: m.outcome,
		respondent: m.respondent,
		period_start: period.start,
		period_end: period.end,
		council: c.councilName,
		provider: c.providerName,
		service: c.serviceName,
		breakdown,
		breakdown_value: value,
		numerator: s.numerator,
		denominator: s.denominator,
		not_counted: s.notCounted,
		percent: s.percent,
		ci_low: s.ciLow,
		ci_high: s.ciHigh,
		target: target?.greenFrom ?? null,
		rag,
		suppressed: s.suppressed,
		symbol: s.symbol
	};
}
