import { describe, expect, it } from 'vitest';
import { audit } from '../../../../tests/helpers/disclosure-audit';
import { cubeCellsOf, type Answers } from '../../../../tests/helpers/generated-council';
import { cubeKey, decideCube, protectionWidth, type CubeAddress } from './cube';

// The three defects an independent check found, each rebuilt from hand-worked tallies: a council
// of answers given in one month (May 2026, Q1 of 2026-27), every answer in the same source, age
// band, SEND need, variant and language unless said otherwise.

const rules = { threshold: 5, attributeThreshold: 10 };
const may = 1; // months from April
const answers = (
	service: number,
	positive: number,
	negative: number,
	o: { mode?: number; not_counted?: number } = {}
): Answers => ({
	service,
	month: may,
	values: [o.mode ?? 0, 0, 0, 0, 0, 0],
	positive,
	negative,
	not_counted: o.not_counted ?? 0
});
const at = (o: Partial<CubeAddress>): string =>
	cubeKey({
		measure_id: 'safe.feel_safe',
		provider_id: null,
		service_id: null,
		period: 'quarter',
		period_start: '2026-04-01',
		split: null,
		value: null,
		...o
	});

describe('the cube of a council’s year', () => {
	it('gives each split its own sum, so "with help" cannot be worked out from "on their own"', async () => {
		// Council Q1: 4 of 8. Three providers of 2, 3 and 3 answers are all hidden. On their own:
		// 2 of 5; with help: 2 of 3. Summed with the providers in one equation, "with help" hid
		// behind the hidden providers and 8 − 5 gave it away; its own equation hides a second cell.
		const council = {
			services: [0, 1, 2],
			answers: [answers(0, 1, 1), answers(1, 1, 2), answers(2, 2, 1, { mode: 1 })]
		};
		const cells = cubeCellsOf(council);
		const { hidden } = await decideCube(cells, rules);
		const total = at({});
		const alone = at({ split: 'completion_mode', value: 'alone' });
		const helped = at({ split: 'completion_mode', value: 'helped' });
		expect(hidden.has(helped)).toBe(true);
		expect(hidden.has(total) || hidden.has(alone)).toBe(true);
		for (const p of ['p0', 'p1', 'p2']) expect(hidden.has(at({ provider_id: p }))).toBe(true);
		const { findings } = await audit(cells, await decideCube(cells, rules), protectionWidth(rules));
		expect(findings).toEqual([]);
	});

	it('hides a provider’s figure on every page, broken down or not', async () => {
		// Council: 2 of 10. Riverside 2 of 6, all on their own; Pennine 0 of 4. Pennine is hidden
		// (4 answers) and Riverside with it; Riverside's page by who answered must not show its
		// "on their own" 2 of 6, which is all of Riverside.
		const council = {
			services: [0, 1],
			answers: [answers(0, 2, 4), answers(1, 0, 4)]
		};
		const cells = cubeCellsOf(council);
		const pattern = await decideCube(cells, rules);
		expect(pattern.hidden.has(at({ provider_id: 'p1' }))).toBe(true);
		expect(pattern.hidden.has(at({ provider_id: 'p0' }))).toBe(true);
		expect(
			pattern.hidden.has(at({ provider_id: 'p0', split: 'completion_mode', value: 'alone' }))
		).toBe(true);
		expect(pattern.hidden.has(at({}))).toBe(false);
		expect((await audit(cells, pattern, protectionWidth(rules))).findings).toEqual([]);
	});

	it('hides a figure with no answer that took a position but some not counted', async () => {
		// "0 of 0, 4 not counted" beside figures of 9 and 13 answers.
		const council = {
			services: [0, 1, 2],
			answers: [answers(0, 0, 0, { not_counted: 4 }), answers(1, 5, 4), answers(2, 9, 4)]
		};
		const cells = cubeCellsOf(council);
		const pattern = await decideCube(cells, rules);
		expect(pattern.hidden.get(at({ provider_id: 'p0' }))).toBe('primary');
		expect((await audit(cells, pattern, protectionWidth(rules))).findings).toEqual([]);
	});

	it('hides 0% and 100% of a group smaller than the attribute threshold, not of a larger one', async () => {
		const council = {
			services: [0, 1],
			answers: [answers(0, 8, 0), answers(1, 6, 6)]
		};
		const pattern = await decideCube(cubeCellsOf(council), rules);
		expect(pattern.hidden.get(at({ provider_id: 'p0' }))).toBe('attribute');
		const larger = await decideCube(cubeCellsOf(council), { ...rules, attributeThreshold: 8 });
		expect(larger.hidden.has(at({ provider_id: 'p0' }))).toBe(false);
	});

	it('hides enough beside a small figure that the hidden ones together are not small', async () => {
		// 10 = 1 + 2 + 7: hiding the 1 and the 2 alone would say those two held 3 answers.
		const council = {
			services: [0, 1, 2],
			answers: [answers(0, 1, 0), answers(1, 1, 1), answers(2, 4, 3)]
		};
		const pattern = await decideCube(cubeCellsOf(council), rules);
		for (const p of ['p0', 'p1', 'p2'])
			expect(pattern.hidden.has(at({ provider_id: p }))).toBe(true);
	});
});
