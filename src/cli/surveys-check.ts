// `npm run surveys:check [folder]`: validates every survey definition and prints
// `file: question: what is wrong` for each problem; exits 1 if there is any.
import { loadSurveyCatalogue } from '../lib/server/surveys/load';
import { formatProblem } from '../lib/server/surveys/types';

const dir = process.argv[2] ?? process.env.SURVEYS_DIR ?? 'surveys';
const { surveys, problems } = loadSurveyCatalogue(dir, process.env.SYMBOLS_DIR);

if (problems.length) {
	for (const p of problems) console.error(formatProblem(p));
	console.error(`\n${problems.length} problem(s) in ${dir}.`);
	process.exit(1);
}
const questions = surveys.reduce((n, s) => n + Object.keys(s.rules).length, 0);
console.log(
	`${surveys.length} survey definitions in ${dir} are valid; ${questions} questions feed measures.`
);
for (const s of surveys) console.log(`  ${s.file}  ${s.variant}  ${s.title}`);
