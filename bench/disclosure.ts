// `npm run bench:disclosure`: the disclosure audit (tests/helpers/disclosure-audit.ts) on many
// generated councils, larger than the test's: BENCH_COUNCILS (default 2000) councils of up to
// 4 providers and 120 groups of answers each. Prints how many hidden figures were audited, how
// many linear programmes were solved, the narrowest range found and the run time.
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import { decideCube } from '../src/lib/server/statistics/cube';
import { audit } from '../tests/helpers/disclosure-audit';
import { council, cubeCellsOf } from '../tests/helpers/generated-council';

const count = Number(process.env.BENCH_COUNCILS ?? 2000);
const rules = { threshold: 5, attributeThreshold: 10 };
const width = Number(process.env.BENCH_WIDTH ?? rules.threshold);
const councils = fc.sample(council({ maxProviders: 4, maxAnswers: 120 }), {
	numRuns: count,
	seed: 42
});
const t = performance.now();
let hidden = 0;
let deciding = 0;
let programmes = 0;
let failed = 0;
const examples: unknown[] = [];
for (const c of councils) {
	const cells = cubeCellsOf(c);
	const d = performance.now();
	const pattern = await decideCube(cells, rules);
	deciding += performance.now() - d;
	const r = await audit(cells, pattern, width);
	hidden += r.hidden;
	programmes += r.programmes;
	if (r.findings.length) {
		failed++;
		if (examples.length < 5) examples.push(r.findings.slice(0, 3));
	}
}
const seconds = (performance.now() - t) / 1000;
console.log(
	'| councils | hidden figures audited | linear programmes | councils with a finding | deciding s | audit run time s |'
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(
	`| ${count} | ${hidden} | ${programmes} | ${failed} | ${(deciding / 1000).toFixed(1)} | ${(seconds - deciding / 1000).toFixed(1)} |`
);
for (const e of examples) console.log(JSON.stringify(e));
if (failed) process.exitCode = 1;
