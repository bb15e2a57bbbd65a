import { sql, type RawBuilder } from 'kysely';
import type { PeriodKind } from '../../calendar/periods';
import type { Framework } from '../../domain/frameworks';
import type { DB } from './connect';
import { toCount } from './count';
import { wilsonHigh, wilsonLow } from './wilson';
import type { TallyDimension } from './tally';
import { TALLIED_MODES } from '../../domain/completion-modes';
import { SOURCE_VALUES } from '../../domain/sources';

/**
 * The dashboard's figures, summed in PostgreSQL from the tallies (src/lib/server/db/tally.ts):
 * for each measure, every requested level of organisation (council, provider, service) crossed
 * with every requested level of period (financial year, quarter, month, or the whole range), in
 * one query with GROUPING SETS. Percent and the 95% Wilson interval are computed here too.
 */

export type EntityLevel = 'council' | 'provider' | 'service';
/** The kind of period a tally cell sums: the calendar's own kinds. */
export type PeriodLevel = PeriodKind;

export type Breakdown =
	| { table: 'tally'; column: 'source' | 'completion_mode' }
	| { table: 'tally_by'; dimension: TallyDimension };

export interface TallyQuery {
	/** null: every council (the all-councils comparison). */
	councilId: string | null;
	/** First days of the first and last months, inclusive. */
	from: string;
	to: string;
	/** Ways of answering and sources counted; the rest are totalled apart as `excluded`. */
	modes: readonly string[];
	sources: readonly string[];
	entityLevels: readonly EntityLevel[];
	periodLevels: readonly PeriodLevel[];
	breakdown?: Breakdown;
	measureIds?: readonly string[];
}

export interface TallyCell {
	measure_id: string;
	entity: EntityLevel;
	provider_id: string | null;
	service_id: string | null;
	period: PeriodLevel;
	/** First day of the year, quarter or month; the query's `from` for a range. */
	period_start: string;
	/** The breakdown's value, or null without a breakdown. */
	value: string | null;
	positive: number;
	negative: number;
	not_counted: number;
	/** Answers (not counted included) left out by the filters (ways of answering, sources). */
	excluded: number;
	percent: number | null;
	ci_low: number | null;
	ci_high: number | null;
	/** Hidden by small-number suppression: false as read, set by src/lib/server/statistics/figures.ts. */
	suppressed: boolean;
}

const ENTITY_COLUMNS: Record<EntityLevel, string[]> = {
	council: [],
	provider: ['provider_id'],
	service: ['provider_id', 'service_id']
};
const PERIOD_COLUMNS: Record<PeriodLevel, string[]> = {
	year: ['y'],
	quarter: ['q'],
	month: ['m'],
	range: []
};

const inList = (column: string, values: readonly string[]) =>
	values.length === 0
		? sql`false`
		: sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql`${v}`))})`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function tallyCells(db: DB, q: TallyQuery): Promise<TallyCell[]> {
	const by = q.breakdown;
	// When no filter leaves anything out, the smaller tallies without ways of answering or sources
	// will do (unless the breakdown is by one of those).
	const unfiltered =
		by?.table !== 'tally' &&
		TALLIED_MODES.every((m) => q.modes.includes(m)) &&
		SOURCE_VALUES.every((s) => q.sources.includes(s));
	const table =
		by?.table === 'tally_by'
			? unfiltered
				? sql`measure_tally_by_all`
				: sql`measure_tally_by`
			: unfiltered
				? sql`measure_tally_all`
				: sql`measure_tally`;
	const value: RawBuilder<unknown> | null = !by
		? null
		: by.table === 'tally_by'
			? sql`value`
			: sql.ref(by.column);
	const where: RawBuilder<unknown>[] = [sql`month between ${q.from}::date and ${q.to}::date`];
	if (q.councilId) where.push(sql`council_id = ${q.councilId}`);
	if (by?.table === 'tally_by') where.push(sql`dimension = ${by.dimension}`);
	if (q.measureIds) where.push(inList('measure_id', q.measureIds));

	const sets = q.entityLevels.flatMap((e) =>
		q.periodLevels.map((p) => {
			const cols = ['measure_id', ...ENTITY_COLUMNS[e], ...PERIOD_COLUMNS[p]];
			if (value) cols.push('v');
			return sql`(${sql.join(cols.map((c) => sql.ref(c)))})`;
		})
	);
	// A column no grouping set uses cannot be selected: it comes out as null instead.
	const used = new Set([
		...q.entityLevels.flatMap((e) => ENTITY_COLUMNS[e]),
		...q.periodLevels.flatMap((p) => PERIOD_COLUMNS[p]),
		...(value ? ['v'] : [])
	]);
	const keys = sql.join(
		['provider_id', 'service_id', 'y', 'q', 'm', 'v'].map((c) =>
			used.has(c) ? sql.ref(c) : sql`null as ${sql.ref(c)}`
		)
	);
	const included = unfiltered
		? sql`true`
		: sql`${inList('completion_mode', q.modes)} and ${inList('source', q.sources)}`;
	const query = sql<Record<string, unknown>>`
		select measure_id, provider_id, service_id,
			coalesce(m::date, q::date, y::date) as period_start,
			case when m is not null then 'month' when q is not null then 'quarter'
				when y is not null then 'year' else 'range' end as period,
			${value ? sql`v,` : sql``} pos, neg, nc, ${unfiltered ? sql`` : sql`excluded,`}
			round(1000.0::float8 * pos / nullif(pos + neg, 0)) / 10 as percent,
			round(1000 * ${wilsonLow(sql`pos`, sql`pos + neg`)}) / 10 as ci_low,
			round(1000 * ${wilsonHigh(sql`pos`, sql`pos + neg`)}) / 10 as ci_high
		from (
			select measure_id, ${keys},
				coalesce(sum(positive) filter (where inc), 0)::int as pos,
				coalesce(sum(negative) filter (where inc), 0)::int as neg,
				coalesce(sum(not_counted) filter (where inc), 0)::int as nc,
				coalesce(sum(positive + negative + not_counted) filter (where not inc), 0)::int as excluded
			from (
				select measure_id, provider_id, service_id, positive, negative, not_counted,
					${value ?? sql`null`} as v,
					make_date(extract(year from month - interval '3 months')::int, 4, 1) as y,
					(date_trunc('quarter', month - interval '3 months') + interval '3 months')::date as q,
					month as m,
					(${included}) as inc
				from ${table}
				where ${sql.join(where, sql` and `)}
			) x
			group by grouping sets (${sql.join(sets)})
		) g`;
	// On the larger tallies behind breakdowns the planner's estimate passes jit_above_cost, and
	// compiling this query's expressions took about 60 ms (1 million responses, PostgreSQL 15)
	// for no gain, so the JIT compiler is off for this query alone.
	const rows = await db.transaction().execute(async (trx) => {
		await sql`set local jit = off`.execute(trx);
		return query.execute(trx);
	});

	// Every grouped column is non-null in the tallies, so a null marks a level summed over.
	return rows.rows.map((r) => ({
		measure_id: String(r.measure_id),
		entity: r.service_id !== null ? 'service' : r.provider_id !== null ? 'provider' : 'council',
		provider_id: (r.provider_id as string | null) ?? null,
		service_id: (r.service_id as string | null) ?? null,
		period: r.period as PeriodLevel,
		period_start: String(r.period_start ?? q.from),
		value: value ? String(r.v) : null,
		positive: toCount(r.pos as number),
		negative: toCount(r.neg as number),
		not_counted: toCount(r.nc as number),
		excluded: unfiltered ? 0 : toCount(r.excluded as number),
		percent: num(r.percent),
		ci_low: num(r.ci_low),
		ci_high: num(r.ci_high),
		suppressed: false
	}));
}

/** A council's services with their providers, for the dashboard's filters and labels. */
export function servicesOfCouncil(db: DB, councilId: string) {
	return db
		.selectFrom('service')
		.innerJoin('provider', 'provider.id', 'service.provider_id')
		.innerJoin('council', 'council.id', 'service.council_id')
		.select([
			'service.id',
			'service.name',
			'service.provider_id',
			'provider.name as provider_name',
			'council.name as council_name'
		])
		.where('service.council_id', '=', councilId)
		.orderBy('provider.name')
		.orderBy('service.name')
		.execute();
}

/** The councils a provider has services for. */
export function councilsOfProvider(db: DB, providerId: string) {
	return db
		.selectFrom('service')
		.innerJoin('council', 'council.id', 'service.council_id')
		.select(['council.id', 'council.name'])
		.distinct()
		.where('service.provider_id', '=', providerId)
		.orderBy('council.name')
		.execute();
}

/**
 * Each council's answers per measure and period, for the all-councils comparison: positive and
 * negative summed, and not counted. Only counts: never shown, they decide whether the total of
 * every council can be.
 */
export async function councilCounts(
	db: DB,
	q: { from: string; to: string; level: PeriodLevel; measureIds?: readonly string[] }
): Promise<
	{
		measure_id: string;
		council_id: string;
		period_start: string;
		positive: number;
		n: number;
		w: number;
	}[]
> {
	const period =
		q.level === 'month'
			? sql`month`
			: q.level === 'quarter'
				? sql`(date_trunc('quarter', month - interval '3 months') + interval '3 months')::date`
				: q.level === 'year'
					? sql`make_date(extract(year from month - interval '3 months')::int, 4, 1)`
					: sql`${q.from}::date`;
	const where: RawBuilder<unknown>[] = [sql`month between ${q.from}::date and ${q.to}::date`];
	if (q.measureIds) where.push(inList('measure_id', q.measureIds));
	const rows = await sql<Record<string, unknown>>`
		select measure_id, council_id, (${period})::text as period_start,
			sum(positive)::int as positive, sum(positive + negative)::int as n,
			sum(positive + negative + not_counted)::int as w
		from measure_tally_all
		where ${sql.join(where, sql` and `)}
		group by 1, 2, 3`.execute(db);
	return rows.rows.map((r) => ({
		measure_id: String(r.measure_id),
		council_id: String(r.council_id),
		period_start: String(r.period_start).slice(0, 10),
		positive: toCount(r.positive as number),
		n: toCount(r.n as number),
		w: toCount(r.w as number)
	}));
}

/** The frameworks a council commissions under (with one provider only, if given), at any time. */
export async function frameworksOf(
	db: DB,
	councilId: string,
	providerId: string | null
): Promise<Framework[]> {
	let q = db
		.selectFrom('commission')
		.select('framework')
		.distinct()
		.where('council_id', '=', councilId);
	if (providerId) q = q.where('provider_id', '=', providerId);
	return (await q.execute()).map((r) => r.framework);
}
