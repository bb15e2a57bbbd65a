// `npm run surveys:check [folder]`: validates every survey definition and prints
// `file: question: what is wrong` for each problem; exits 1 if there is any.
import { relative } from 'node:path';
import { readConfig } from '../lib/server/config';
import { loadSurveyCatalogue } from '../lib/server/surveys/load';
import { formatProblem } from '../lib/server/surveys/types';

const config = readConfig();
const dir = process.argv[2] ?? config.surveysDir;
const { surveys, problems } = loadSurveyCatalogue(dir, config.symbolsDir);
// The folder as the person typed it, or SURVEYS_DIR below this one ("surveys").
const inside = relative('.', dir);
const shown = process.argv[2] ?? (inside && !inside.startsWith('..') ? inside : dir);

if (problems.length) {
	for (const p of problems) console.error(formatProblem(p));
	console.error(`\n${problems.length} problem(s) in ${shown}.`);
	process.exit(1);
}
const questions = surveys.reduce((n, s) => n + Object.keys(s.rules).length, 0);
console.log(
	`${surveys.length} survey definitions in ${shown} are valid; ${questions} questions feed measures.`
);
for (const s of surveys) console.log(`  ${s.file}  ${s.variant}  ${s.title}`);
