import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { measureIds, measures } from '../catalogue/measures';
import { loadSymbolSet, type SymbolSet } from '../symbols';
import { checkDefinition } from './check';
import { contentHash } from './hash';
import { normaliseDefinition } from './normalise';
import { extractRules } from './rules';
import { englishText } from './translations';
import { SURVEY_LEVEL, type Json, type LoadedSurvey, type Problem } from './types';
import { isObject } from './walk';

export interface SurveyCatalogue {
	surveys: LoadedSurvey[];
	problems: Problem[];
	symbols: SymbolSet;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function parse(file: string, text: string): { def?: Json; problem?: Problem } {
	try {
		const def: unknown = JSON.parse(text);
		if (isObject(def)) return { def };
		return {
			problem: {
				file,
				question: SURVEY_LEVEL,
				message: 'not a SurveyJS definition (expected a JSON object)'
			}
		};
	} catch (e) {
		return {
			problem: { file, question: SURVEY_LEVEL, message: `not valid JSON: ${(e as Error).message}` }
		};
	}
}

/** Reads and checks one definition file; returns the survey only when it has no problems. */
export function loadSurveyFile(
	path: string,
	symbols: SymbolSet
): { survey?: LoadedSurvey; problems: Problem[] } {
	const file = basename(path);
	const id = file.replace(/\.json$/, '');
	const { def, problem } = parse(file, readFileSync(path, 'utf8'));
	if (!def) return { problems: [problem!] };
	const problems = checkDefinition(file, def, { measureIds, hasSymbol: symbols.has });
	if (!ID.test(id)) {
		problems.unshift({
			file,
			question: SURVEY_LEVEL,
			message: 'the file name must be lower-case words joined by hyphens'
		});
	}
	if (problems.length) return { problems };
	const survey: LoadedSurvey = {
		id,
		file,
		definition: def,
		rules: extractRules(def),
		contentHash: contentHash(normaliseDefinition(def)),
		title: englishText(def.title),
		variant: def.variant as string,
		respondent: def.respondent as string,
		languages: def.languages as string[]
	};
	return { survey, problems };
}

/** Every `*.json` in `dir`, checked; also reports catalogue measures that no survey feeds. */
export function loadSurveyCatalogue(dir: string, symbolDir?: string): SurveyCatalogue {
	const symbols = loadSymbolSet(symbolDir);
	const problems: Problem[] = symbols.problems.map((p) => ({
		file: p.file,
		question: '(symbols)',
		message: p.message
	}));
	const surveys: LoadedSurvey[] = [];
	const files = readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort();
	for (const f of files) {
		const result = loadSurveyFile(join(dir, f), symbols);
		problems.push(...result.problems);
		if (result.survey) surveys.push(result.survey);
	}
	if (problems.length === 0) {
		const fed = new Set(surveys.flatMap((s) => Object.values(s.rules).map((r) => r.measure)));
		for (const m of measures) {
			if (!fed.has(m.id)) {
				problems.push({
					file: '(catalogue)',
					question: m.id,
					message: 'no survey feeds this measure'
				});
			}
		}
	}
	return { surveys, problems, symbols };
}
