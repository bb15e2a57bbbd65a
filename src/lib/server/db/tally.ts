import { sql, type RawBuilder } from 'kysely';
import { NOT_RECORDED } from '../../domain/breakdowns';
import { NOT_ASKED } from '../../domain/completion-modes';
import type { DB } from './connect';

/**
 * The dashboard's tallies: for every completed response, one count per measure its survey version
 * asks about — positive, negative, or not counted ("I don't know", "I'd rather not say" and
 * unanswered) — added to measure_tally (per service, month, way of answering and source) and to
 * measure_tally_by (once more per age band, SEND need, survey variant and language), and to
 * measure_tally_all and measure_tally_by_all (the same without way of answering and source: what
 * the dashboard reads when no filter leaves anything out).
 *
 * Each Dorset outcome also gets a headline, `dorset.<outcome>`: per response, negative if any of
 * the outcome's outputs was answered negatively, else positive if any was answered positively,
 * else not counted. Months are calendar months in UK time, so an answer given at 00:30 on
 * 1 April (BST) belongs to April and to the new financial year.
 */

/** Breakdowns kept in measure_tally_by, with the value stored when the response has none. */
export const TALLY_DIMENSIONS = ['age_band', 'send_need', 'variant', 'language'] as const;
export type TallyDimension = (typeof TALLY_DIMENSIONS)[number];
export { NOT_ASKED, NOT_RECORDED };

/** One row per (completed response, measure) with its classification, headlines included. */
function facts(where: RawBuilder<unknown>) {
	return sql`
		with f as (
			select s.council_id, s.provider_id, r.service_id,
				date_trunc('month', r.completed_at at time zone 'Europe/London')::date as month,
				coalesce(r.completion_mode, ${NOT_ASKED}) as completion_mode, r.source,
				coalesce(r.age_band, ${NOT_RECORDED}) as age_band,
				coalesce(r.send_need, ${NOT_RECORDED}) as send_need,
				r.variant, r.language, r.id as response_id, m.measure_id,
				coalesce(a.classification, 'not_counted') as classification
			from response r
			join service s on s.id = r.service_id
			join survey_version v on v.id = r.survey_version_id
			cross join lateral (
				select distinct e.rule ->> 'measure' as measure_id
				from jsonb_each(v.rules) as e(question, rule)
				where e.rule ->> 'measure' is not null
			) m
			left join answer a on a.response_id = r.id and a.measure_id = m.measure_id
			where r.completed_at is not null and ${where}
		)
		select council_id, provider_id, service_id, month, completion_mode, source, age_band,
			send_need, variant, language, measure_id, classification
		from f
		union all
		select council_id, provider_id, service_id, month, completion_mode, source, age_band,
			send_need, variant, language, 'dorset.' || split_part(measure_id, '.', 2),
			case when bool_or(classification = 'negative') then 'negative'
				when bool_or(classification = 'positive') then 'positive'
				else 'not_counted' end
		from f
		where measure_id like 'dorset.%.%'
		group by council_id, provider_id, service_id, month, completion_mode, source, age_band,
			send_need, variant, language, response_id, split_part(measure_id, '.', 2)`;
}

const counted = sql`
	count(*) filter (where classification = 'positive')::int as positive,
	count(*) filter (where classification = 'negative')::int as negative,
	count(*) filter (where classification = 'not_counted')::int as not_counted`;

const addCounts = sql`
	positive = t.positive + excluded.positive,
	negative = t.negative + excluded.negative,
	not_counted = t.not_counted + excluded.not_counted`;

/**
 * Adds the responses matched by `where` (on response r) to the four tallies, and raises the
 * figures_version of each council and financial year they fall in.
 */
async function add(db: DB, where: RawBuilder<unknown>): Promise<void> {
	// Rows are upserted in key order so two responses finishing at once cannot deadlock.
	await sql`
		insert into measure_tally as t (council_id, provider_id, service_id, month, measure_id,
			completion_mode, source, positive, negative, not_counted)
		select council_id, provider_id, service_id, month, measure_id, completion_mode, source,
			${counted}
		from (${facts(where)}) x
		group by council_id, provider_id, service_id, month, measure_id, completion_mode, source
		order by service_id, month, measure_id, completion_mode, source
		on conflict (service_id, month, measure_id, completion_mode, source)
		do update set ${addCounts}`.execute(db);
	await sql`
		insert into measure_tally_all as t (council_id, provider_id, service_id, month, measure_id,
			positive, negative, not_counted)
		select council_id, provider_id, service_id, month, measure_id, ${counted}
		from (${facts(where)}) x
		group by council_id, provider_id, service_id, month, measure_id
		order by service_id, month, measure_id
		on conflict (service_id, month, measure_id)
		do update set ${addCounts}`.execute(db);
	const dimensions = sql.join(
		TALLY_DIMENSIONS.map((d) => sql`(${d}, x.${sql.ref(d)})`),
		sql`, `
	);
	await sql`
		insert into measure_tally_by as t (dimension, council_id, provider_id, service_id, month,
			measure_id, completion_mode, source, value, positive, negative, not_counted)
		select d.dimension, council_id, provider_id, service_id, month, measure_id,
			completion_mode, source, d.value, ${counted}
		from (${facts(where)}) x
		cross join lateral (values ${dimensions}) as d(dimension, value)
		group by d.dimension, council_id, provider_id, service_id, month, measure_id,
			completion_mode, source, d.value
		order by d.dimension, service_id, month, measure_id, completion_mode, source, d.value
		on conflict (dimension, service_id, month, measure_id, completion_mode, source, value)
		do update set ${addCounts}`.execute(db);
	await sql`
		insert into measure_tally_by_all as t (dimension, council_id, provider_id, service_id, month,
			measure_id, value, positive, negative, not_counted)
		select d.dimension, council_id, provider_id, service_id, month, measure_id, d.value,
			${counted}
		from (${facts(where)}) x
		cross join lateral (values ${dimensions}) as d(dimension, value)
		group by d.dimension, council_id, provider_id, service_id, month, measure_id, d.value
		order by d.dimension, service_id, month, measure_id, d.value
		on conflict (dimension, service_id, month, measure_id, value)
		do update set ${addCounts}`.execute(db);
	// Last, so the row is held only until the transaction commits.
	await sql`
		insert into figures_version as f (council_id, year, version)
		select distinct council_id, make_date(extract(year from month - interval '3 months')::int, 4, 1), 1
		from (
			select s.council_id,
				date_trunc('month', r.completed_at at time zone 'Europe/London')::date as month
			from response r join service s on s.id = r.service_id
			where r.completed_at is not null and ${where}
		) x
		order by 1, 2
		on conflict (council_id, year) do update set version = f.version + 1`.execute(db);
}

/** Adds one just-completed response; call in the transaction that completes it. */
export function addResponse(db: DB, responseId: string): Promise<void> {
	return add(db, sql`r.id = ${responseId}`);
}

/**
 * Recounts the four tallies from every completed response (after a bulk load, or to check them).
 * The tables are locked first, so a response completing meanwhile is added after, never lost.
 */
export function rebuild(db: DB): Promise<void> {
	return db.transaction().execute(async (trx) => {
		await sql`
			lock table measure_tally, measure_tally_all, measure_tally_by, measure_tally_by_all
			in exclusive mode`.execute(trx);
		await trx.deleteFrom('measure_tally').execute();
		await trx.deleteFrom('measure_tally_all').execute();
		await trx.deleteFrom('measure_tally_by_all').execute();
		await trx.deleteFrom('measure_tally_by').execute();
		await add(trx, sql`true`);
	});
}
