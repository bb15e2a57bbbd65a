import { readdirSync, readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { measureIds } from '../catalogue/measures';
import { loadSymbolSet } from '../symbols';
import { checkDefinition } from './check';
import { contentHash } from './hash';
import { normaliseDefinition } from './normalise';
import { registerSurveyProperties } from './properties';
import { extractRules } from './rules';
import type { Json } from './types';

// A commissioner edits a survey in an editor built on survey-core (Survey Creator, or a page of
// their own) and saves it. With our properties registered, the saved file must mean the same:
// it passes the check, counts the same and keeps its version.

const files = readdirSync('surveys').filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(`surveys/${file}`, 'utf8')) as Json;
const symbols = loadSymbolSet();
const ctx = { measureIds, hasSymbol: symbols.has };
const version = (def: Json) => contentHash(normaliseDefinition(def));

let creatorCore: typeof import('survey-creator-core');

beforeAll(async () => {
	registerSurveyProperties();
	// survey-creator-core 3.0 (the newest on npm) says on import that survey-core is 3.1.
	const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
	creatorCore = await import('survey-creator-core');
	quiet.mockRestore();
});

function throughSurveyCore(def: Json): Json {
	const model = new Model(structuredClone(def));
	expect(model.jsonErrors ?? []).toEqual([]);
	const saved = model.toJSON() as Json;
	model.dispose();
	return saved;
}

function throughCreator(def: Json): Json {
	const creator = new creatorCore.SurveyCreatorModel({});
	creator.text = JSON.stringify(def);
	return JSON.parse(creator.text) as Json;
}

describe.each([
	['survey-core (model.toJSON)', throughSurveyCore],
	['Survey Creator (creator.text)', throughCreator]
])('every shipped survey saved by %s', (_, save) => {
	it.each(files)('%s means the same and keeps its version', (file) => {
		const def = read(file);
		const saved = save(def);
		expect(checkDefinition(file, saved, ctx)).toEqual([]);
		expect(extractRules(saved)).toEqual(extractRules(def));
		expect(version(saved)).toBe(version(def));
		// And saving again changes nothing more.
		expect(version(save(saved))).toBe(version(def));
	});
});

it('every one of our properties survives, in every shipped survey', () => {
	const ours =
		/"(variant|respondent|languages|symbol|symbolTrue|symbolFalse|measure|positiveAnswers|notCountedAnswers|safeguardingAnswers|audio|translationReview)":/g;
	for (const file of files) {
		const def = read(file);
		const count = (d: Json) => JSON.stringify(d).match(ours)?.length ?? 0;
		expect(count(def), file).toBeGreaterThan(10);
		expect(count(throughSurveyCore(def)), file).toBe(count(def));
	}
});

afterAll(() => vi.restoreAllMocks());
