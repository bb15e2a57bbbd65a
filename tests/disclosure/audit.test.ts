import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideCube, protectionWidth } from '../../src/lib/server/statistics/cube';
import { audit } from '../helpers/disclosure-audit';
import { council, cubeCellsOf } from '../helpers/generated-council';

// The disclosure audit on generated councils: for every hidden figure, linear programmes find
// the smallest and largest value it could take given every shown figure and every sum. None may
// be pinned down, or lie in a range narrower than the protection width. A larger run, with its
// run time, is `npm run bench:disclosure`.

const OPEN_FROM = ['2026-05-01', '2026-07-01', '2026-11-01', '2027-02-01'];

describe('the disclosure audit', () => {
	for (const rules of [
		{ threshold: 5, attributeThreshold: 10 },
		{ threshold: 3, attributeThreshold: 3 },
		{ threshold: 10, attributeThreshold: 20 }
	]) {
		it(
			`finds no hidden figure that can be worked out (threshold ${rules.threshold}, attribute threshold ${rules.attributeThreshold})`,
			{ timeout: 600_000 },
			async () => {
				let hidden = 0;
				await fc.assert(
					fc.asyncProperty(
						council({ maxProviders: 3, maxAnswers: 25 }),
						// The month under way, if the year is: its periods go first when hiding more.
						fc.option(fc.constantFrom(...OPEN_FROM), { nil: undefined }),
						async (c, openFrom) => {
							const cells = cubeCellsOf(c);
							const pattern = await decideCube(cells, rules, openFrom);
							const result = await audit(cells, pattern, protectionWidth(rules));
							hidden += result.hidden;
							expect(result.findings).toEqual([]);
						}
					),
					{ numRuns: 100, seed: 20261201 + rules.threshold }
				);
				// The generated councils are small enough that suppression has work to do.
				expect(hidden).toBeGreaterThan(1000);
			}
		);
	}
});
