// Longer than 300 lines on purpose: one generator of made-up responses, shared by the demo and
// the benchmarks, whose single SQL statement is easier to check whole.
import { sql } from 'kysely';
import { AGE_BANDS } from '../../domain/age-bands';
import { ownValue } from '../../own';
import { SEND_NEED_VALUES } from '../../domain/send-needs';
import type { DB } from '../db/connect';
import { toCount } from '../db/count';
import type { Service, SurveyRules } from '../db/schema';
import type { Source } from '../../domain/sources';
import { DONT_KNOW, REFUSED, type Json } from '../surveys/types';
import { questionsOf, valuesOf } from '../surveys/walk';

/**
 * Synthetic completed responses for the demo data and benchmarks. Every row is made inside the
 * database (generate_series and random()), one INSERT … SELECT per batch, so a million responses
 * never pass through JavaScript. Answers follow the counting rules of the version answered, so
 * their classification is exactly what the answering service would have stored; synthetic data
 * never raises a safeguarding alert, and worrying answers are avoided wherever the question has
 * another negative answer.
 *
 * Responses bypass `finish()`: anything kept up to date when a response completes (the
 * dashboard's tallies) must be rebuilt by the caller afterwards.
 */

export interface SyntheticOptions {
	/** How many completed responses in all. */
	responses: number;
	/** ISO dates (or timestamps); completed_at is spread uniformly over [from, to), UTC. */
	from: string;
	to: string;
	/** Default: every service that has a survey suited to its kind. */
	serviceIds?: string[];
	/**
	 * Makes the run repeatable (PostgreSQL's setseed, in the generating transaction): the same
	 * seed, batch size, services and survey versions give the same responses and answers, apart
	 * from the ids.
	 */
	seed?: number;
	/** Responses per INSERT statement (default 50,000). */
	batch?: number;
}

export interface SyntheticResult {
	responses: number;
	answers: number;
}

type ServiceKind = Service['kind'];

/** Which surveys each kind of service gets, by the survey's variant, and how often. */
const MIX: Record<ServiceKind, { variant: string; weight: number }[]> = {
	short_break: [
		{ variant: 'symbols', weight: 35 },
		{ variant: 'standard', weight: 35 },
		{ variant: 'carer', weight: 25 },
		{ variant: 'staff-review', weight: 5 }
	],
	childrens_home: [{ variant: 'childrens-home', weight: 100 }]
};

/** Where a response comes from, by respondent (picked uniformly). */
const SOURCES: Record<string, Source[]> = {
	child: ['annual_review', 'satisfaction_survey'],
	carer: ['satisfaction_survey', 'family_review'],
	staff: ['end_of_care_package']
};

/** Bands a child answering a children's survey can be in (short breaks run to 25). */
const CHILD_AGE_BANDS = AGE_BANDS.filter((b) => Number.parseInt(b, 10) <= 25);

// Per (response, question): unanswered below 4%, not counted from 4% to 12%, and of the rest a
// service-dependent share positive.
const UNANSWERED = 0.04;
const NOT_COUNTED = 0.12;
const DEFAULT_BATCH = 50_000;

/** The values synthetic answers to one measure question are drawn from, by classification. */
export interface QuestionPlan {
	name: string;
	measure: string;
	positive: unknown[];
	notCounted: unknown[];
	negative: unknown[];
}

const unique = (values: unknown[]) => values.filter((v, i) => values.indexOf(v) === i);

/** Every value a question offers (rating scales without rateValues included). */
function offered(q: Json): unknown[] {
	if (q.type === 'boolean') {
		return [q.valueTrue ?? true, q.valueFalse ?? false];
	}
	if (q.type === 'rating' && !Array.isArray(q.rateValues)) {
		const min = typeof q.rateMin === 'number' ? q.rateMin : 1;
		const step = typeof q.rateStep === 'number' && q.rateStep > 0 ? q.rateStep : 1;
		const count = typeof q.rateCount === 'number' ? q.rateCount : 5;
		const max = typeof q.rateMax === 'number' ? q.rateMax : min + (count - 1) * step;
		const out: number[] = [];
		for (let v = min; v <= max; v += step) out.push(v);
		return out;
	}
	return valuesOf(q);
}

/**
 * For each question of a version that has a counting rule (one per measure, in the order asked):
 * the positive values, the not-counted ones (the rule's own, plus "I don't know" and "I'd rather
 * not say" when the question offers them, which `classify` also counts out), and the offered values
 * that are neither — worrying ones only when the question has no other negative answer.
 */
export function planQuestions(definition: Json, rules: SurveyRules): QuestionPlan[] {
	const plans: QuestionPlan[] = [];
	const measures = new Set<string>();
	const seen = new Set<string>();
	const add = (name: string, q: Json | undefined) => {
		const rule = ownValue(rules, name);
		if (!rule || seen.has(name) || measures.has(rule.measure)) return;
		seen.add(name);
		measures.add(rule.measure);
		const worrying = (v: unknown) => rule.safeguarding.includes(v);
		const notCounted = unique([
			...rule.notCounted,
			...(q?.showDontKnowItem === true ? [DONT_KNOW] : []),
			...(q?.showRefuseItem === true ? [REFUSED] : [])
		]).filter((v) => !rule.positive.includes(v) && !worrying(v));
		const negative = unique(q ? offered(q) : []).filter(
			(v) =>
				!rule.positive.includes(v) &&
				!rule.notCounted.includes(v) &&
				v !== DONT_KNOW &&
				v !== REFUSED
		);
		const calm = negative.filter((v) => !worrying(v));
		plans.push({
			name,
			measure: rule.measure,
			positive: unique(rule.positive.filter((v) => !worrying(v))),
			notCounted,
			negative: calm.length > 0 ? calm : negative
		});
	};
	for (const q of questionsOf(definition)) {
		if (typeof q.name === 'string') add(q.name, q);
	}
	for (const name of Object.keys(rules)) add(name, undefined);
	return plans;
}

/** A stable number for a string (FNV-1a), so a service's positive rate survives a reload. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}

/** setseed takes [-1, 1]; PostgreSQL 15+ keeps 52 bits of it, so every int32 seed is distinct. */
function seedFraction(seed: number): number {
	if (!Number.isSafeInteger(seed)) throw new Error('The seed must be an integer');
	const span = 2 ** 31;
	return (((seed % span) + span) % span) / span;
}

function instant(iso: string, name: string): Date {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) throw new Error(`${name} is not an ISO date: ${iso}`);
	return d;
}

/** Generates `o.responses` completed responses with their answers; returns the rows inserted. */
export async function generateResponses(db: DB, o: SyntheticOptions): Promise<SyntheticResult> {
	if (!Number.isSafeInteger(o.responses) || o.responses < 0) {
		throw new Error('responses must be a whole number, 0 or more');
	}
	const batch = o.batch ?? DEFAULT_BATCH;
	if (!Number.isSafeInteger(batch) || batch < 1) throw new Error('batch must be 1 or more');
	const from = instant(o.from, 'from');
	const to = instant(o.to, 'to');
	const spanMicros = (to.getTime() - from.getTime()) * 1000;
	if (spanMicros <= 0) throw new Error('to must be after from');
	if (o.serviceIds && o.serviceIds.length === 0) throw new Error('serviceIds is empty');
	if (o.responses === 0) return { responses: 0, answers: 0 };

	return db.transaction().execute(async (trx) => {
		// Surveys suited to some kind of service, each at its latest version.
		const variants = [...new Set(Object.values(MIX).flatMap((m) => m.map((s) => s.variant)))];
		const rows = await trx
			.selectFrom('survey_version as v')
			.innerJoin('survey as s', 's.id', 'v.survey_id')
			.select(['v.id', 'v.survey_id', 'v.definition', 'v.rules', 's.variant', 's.respondent'])
			.where('s.variant', 'in', variants)
			.orderBy('v.survey_id')
			.orderBy('v.created_at', 'desc')
			.orderBy('v.id')
			.execute();
		const latest = rows.filter((r, i) => i === 0 || rows[i - 1]!.survey_id !== r.survey_id);

		// One slot per (kind, survey): a variant's weight is shared by the surveys that have it, and
		// a kind's slots cover [0, 1) of the draw (the last one reaches 2, beyond any rounding).
		const slots: Record<string, unknown>[] = [];
		const questions: Record<string, unknown>[] = [];
		const kinds = new Set<string>();
		for (const [kind, mix] of Object.entries(MIX)) {
			const chosen = mix.flatMap(({ variant, weight }) => {
				const surveys = latest.filter((v) => v.variant === variant);
				return surveys.map((v) => ({ version: v, weight: weight / surveys.length }));
			});
			const total = chosen.reduce((sum, c) => sum + c.weight, 0);
			let lo = 0;
			chosen.forEach(({ version, weight }, i) => {
				const sources = SOURCES[version.respondent];
				if (!sources) {
					throw new Error(`Survey ${version.survey_id}: unknown respondent ${version.respondent}`);
				}
				const definition = version.definition as Json;
				const languages = Array.isArray(definition.languages) ? definition.languages : [];
				const index = slots.length;
				const hi = i === chosen.length - 1 ? 2 : lo + weight / total;
				slots.push({
					i: index,
					kind,
					lo,
					hi,
					version_id: version.id,
					respondent: version.respondent,
					variant: version.variant,
					sources,
					second_language: languages.includes('pl') ? 'pl' : 'en',
					third_language: languages.includes('ur') ? 'ur' : 'en'
				});
				lo = hi;
				planQuestions(definition, version.rules).forEach((q, ord) =>
					questions.push({
						slot: index,
						ord,
						name: q.name,
						measure: q.measure,
						positive: q.positive,
						not_counted: q.notCounted,
						negative: q.negative
					})
				);
			});
			if (chosen.length > 0) kinds.add(kind);
		}

		let serviceQuery = trx
			.selectFrom('service')
			.innerJoin('provider', 'provider.id', 'service.provider_id')
			.select(['service.id', 'service.kind', 'service.name', 'provider.name as provider'])
			.orderBy('provider.name')
			.orderBy('service.name')
			.orderBy('service.id');
		if (o.serviceIds) serviceQuery = serviceQuery.where('service.id', 'in', o.serviceIds);
		const found = await serviceQuery.execute();
		if (o.serviceIds) {
			const missing = o.serviceIds.filter((id) => !found.some((s) => s.id === id));
			if (missing.length) throw new Error(`No such service: ${missing.join(', ')}`);
			const unsuited = found.filter((s) => !kinds.has(s.kind));
			if (unsuited.length) {
				throw new Error(`No survey suits service ${unsuited.map((s) => s.name).join(', ')}`);
			}
		}
		// Positive rates from 55% to 89%, fixed per service so providers differ.
		const services = found
			.filter((s) => kinds.has(s.kind))
			.map((s, i) => ({
				i,
				id: s.id,
				kind: s.kind,
				p: 0.55 + (hash(`${s.provider}\u0000${s.name}`) % 35) / 100
			}));
		if (services.length === 0) throw new Error('No service has a survey suited to it');

		if (o.seed !== undefined)
			await sql`select setseed(${seedFraction(o.seed)}::float8)`.execute(trx);

		const servicesJson = JSON.stringify(services);
		const slotsJson = JSON.stringify(slots);
		const questionsJson = JSON.stringify(questions);
		const bands = JSON.stringify(CHILD_AGE_BANDS);
		const needs = JSON.stringify(SEND_NEED_VALUES);
		const result = { responses: 0, answers: 0 };
		for (let first = 1; first <= o.responses; first += batch) {
			const last = Math.min(first + batch - 1, o.responses);
			// Every random draw is made in a select list, once per row, in a fixed order: the
			// responses' draws in series order (a materialized CTE), then the answers' in (series,
			// question) order — so a seed gives the same data whatever plan the database picks.
			const { rows: counted } = await sql<{ responses: string | number; answers: string | number }>`
				with draws as materialized (
					select g, random() as u_service, random() as u_survey, random() as u_time,
						random() as u_source, random() as u_language, random() as u_mode,
						random() as u_age, random() as u_send
					from generate_series(${first}::bigint, ${last}::bigint) as g
				),
				services as (
					select * from jsonb_to_recordset(${servicesJson}::jsonb)
						as s(i int, id uuid, kind text, p float8)
				),
				slots as (
					select * from jsonb_to_recordset(${slotsJson}::jsonb)
						as t(i int, kind text, lo float8, hi float8, version_id uuid, respondent text,
							variant text, sources jsonb, second_language text, third_language text)
				),
				planned as materialized (
					select d.g, gen_random_uuid() as id, s.id as service_id, s.p as positive_rate,
						t.i as slot, t.version_id, t.variant,
						${from.toISOString()}::timestamptz
							+ floor(d.u_time * ${spanMicros}::float8) * interval '1 microsecond'
							as completed_at,
						t.sources ->> floor(d.u_source * jsonb_array_length(t.sources))::int as source,
						case when t.respondent = 'staff' or d.u_language < 0.85 then 'en'
							when d.u_language < 0.95 then t.second_language
							else t.third_language end as language,
						case when t.respondent = 'child' then
							case when d.u_mode < 0.6 then 'alone' when d.u_mode < 0.9 then 'helped'
								else 'proxy' end
						end as completion_mode,
						case when t.respondent = 'child' and d.u_age >= 0.05 then
							${bands}::jsonb ->> floor((d.u_age - 0.05) / 0.95 * ${CHILD_AGE_BANDS.length}::int)::int
						end as age_band,
						case when d.u_send >= 0.1 then
							${needs}::jsonb ->> floor((d.u_send - 0.1) / 0.9 * ${SEND_NEED_VALUES.length}::int)::int
						end as send_need
					from draws d
					join services s on s.i = floor(d.u_service * ${services.length}::int)::int
					join slots t on t.kind = s.kind and d.u_survey >= t.lo and d.u_survey < t.hi
					order by d.g
				),
				inserted_responses as (
					insert into response (id, survey_version_id, service_id, child_id, invitation_id,
						source, language, variant, completion_mode, assisted_by, age_band, send_need,
						client_submission_id, current_question, started_at, updated_at, completed_at)
					select id, version_id, service_id, null, null, source, language, variant,
						completion_mode, null, age_band, send_need, gen_random_uuid(), null,
						completed_at - interval '15 minutes', completed_at, completed_at
					from planned
					returning 1
				),
				questions as materialized (
					select * from jsonb_to_recordset(${questionsJson}::jsonb)
						as q(slot int, ord int, name text, measure text, positive jsonb,
							not_counted jsonb, negative jsonb)
				),
				inserted_answers as (
					insert into answer (response_id, question_name, value, measure_id, classification,
						answered_at)
					select y.id, y.name, v.pool -> floor(y.w * jsonb_array_length(v.pool))::int,
						y.measure, y.classification, y.completed_at
					from (
						select x.*,
							case when x.u < ${sql.lit(UNANSWERED)} then null
								when x.u < ${sql.lit(NOT_COUNTED)} and jsonb_array_length(x.not_counted) > 0
									then 'not_counted'
								when x.u >= ${sql.lit(NOT_COUNTED)}
									and (x.u - ${sql.lit(NOT_COUNTED)}) / (1 - ${sql.lit(NOT_COUNTED)}) < x.positive_rate
									and jsonb_array_length(x.positive) > 0 then 'positive'
								when jsonb_array_length(x.negative) > 0 then 'negative'
							end as classification
						from (
							-- random() in this select list: once per (response, question) row.
							select r.id, r.completed_at, r.positive_rate, q.name, q.measure, q.positive,
								q.not_counted, q.negative, random() as u, random() as w
							from planned r
							cross join lateral (
								select * from questions q where q.slot = r.slot order by q.ord
							) q
						) x
					) y
					cross join lateral (
						select case y.classification when 'positive' then y.positive
							when 'not_counted' then y.not_counted else y.negative end as pool
					) v
					where y.classification is not null
					returning 1
				)
				select (select count(*) from inserted_responses) as responses,
					(select count(*) from inserted_answers) as answers`.execute(trx);
			result.responses += toCount(counted[0]?.responses);
			result.answers += toCount(counted[0]?.answers);
		}
		return result;
	});
}
