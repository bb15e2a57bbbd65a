import fc from 'fast-check';
import { SPLITS, type CubeCell, type Split } from '../../src/lib/server/statistics/cube';
import { published } from '../../src/lib/server/statistics/cube';
import { quarterStart } from '../../src/lib/calendar/periods';

/**
 * Generated councils for the disclosure audit: a few providers of a few services, answers spread
 * thinly over the months of one financial year and over every split, so that most cells are
 * small and suppression has to chain through many linked tables. Counts are summed into the
 * cube's cells here exactly as PostgreSQL sums the tallies (every level of organisation × every
 * level of period × on its own or one split), so the audit sees what the app would publish.
 */

export interface Answers {
	service: number;
	month: number;
	/** One value per split, by index into VALUES. */
	values: number[];
	positive: number;
	negative: number;
	not_counted: number;
}

export interface GeneratedCouncil {
	/** services[s] = its provider's index. */
	services: number[];
	answers: Answers[];
}

const VALUES: Record<Split, string[]> = {
	completion_mode: ['alone', 'helped', 'proxy', 'not_asked'],
	source: ['annual_review', 'end_of_care_package', 'satisfaction_survey', 'family_review'],
	age_band: ['5-7', '8-10', '11-13', '14-17'],
	send_need: ['autism', 'learning_disability', 'not_recorded'],
	variant: ['symbols', 'standard'],
	language: ['en', 'pl', 'ur']
};

export function council(o: { maxProviders?: number; maxAnswers?: number } = {}) {
	const maxProviders = o.maxProviders ?? 3;
	return fc
		.array(fc.integer({ min: 0, max: maxProviders - 1 }), { minLength: 1, maxLength: 5 })
		.chain((services) =>
			fc.record({
				services: fc.constant(services),
				answers: fc.array(
					fc.record({
						service: fc.integer({ min: 0, max: services.length - 1 }),
						month: fc.integer({ min: 0, max: 11 }),
						values: fc.tuple(
							...SPLITS.map((s) => fc.integer({ min: 0, max: VALUES[s].length - 1 }))
						),
						positive: fc.integer({ min: 0, max: 4 }),
						negative: fc.integer({ min: 0, max: 4 }),
						not_counted: fc.integer({ min: 0, max: 1 })
					}),
					{ minLength: 1, maxLength: o.maxAnswers ?? 30 }
				)
			})
		);
}

const YEAR = '2026-04-01';
const monthStart = (i: number) => {
	const m = 4 + i;
	const y = 2026 + (m > 12 ? 1 : 0);
	return `${y}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;
};

/** The cube's cells for one measure of a generated council. */
export function cubeCellsOf(c: GeneratedCouncil, measure = 'safe.feel_safe'): CubeCell[] {
	const cells = new Map<string, CubeCell>();
	for (const a of c.answers) {
		const provider = `p${c.services[a.service]}`;
		const service = `s${a.service}`;
		const month = monthStart(a.month);
		const entities = [
			['council', null, null],
			['provider', provider, null],
			['service', provider, service]
		] as const;
		const periods = [
			['year', YEAR],
			['quarter', quarterStart(month)],
			['month', month]
		] as const;
		const splits: [Split | null, string | null][] = [
			[null, null],
			...SPLITS.map((s, i): [Split, string] => [s, VALUES[s][a.values[i]!]!])
		];
		for (const [entity, p, s] of entities)
			for (const [period, start] of periods)
				for (const [split, value] of splits) {
					if (!published({ service_id: s, period, split })) continue;
					const key = `${p}|${s}|${period}|${start}|${split}|${value}`;
					let cell = cells.get(key);
					if (!cell) {
						cell = {
							measure_id: measure,
							entity,
							provider_id: p,
							service_id: s,
							period,
							period_start: start,
							split,
							value,
							positive: 0,
							negative: 0,
							not_counted: 0,
							excluded: 0,
							percent: null,
							ci_low: null,
							ci_high: null,
							suppressed: false
						};
						cells.set(key, cell);
					}
					cell.positive += a.positive;
					cell.negative += a.negative;
					cell.not_counted += a.not_counted;
				}
	}
	return [...cells.values()].filter((x) => x.positive + x.negative + x.not_counted > 0);
}
