import { readdirSync, readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { Model, Serializer } from 'survey-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROPERTIES_FILE, publishedFiles, SCHEMA_FILE } from './surveyjs-files';

// What a council's Survey Creator page and code editor take from static/surveyjs/. This file
// registers the published module, so it tests that module as a page would load it.

type Json = Record<string, unknown>;
const surveys = readdirSync('surveys').filter((f) => f.endsWith('.json'));
const read = (file: string) => JSON.parse(readFileSync(`surveys/${file}`, 'utf8')) as Json;

describe('static/surveyjs/voices-properties.js', () => {
	let published: {
		register(serializer: typeof Serializer): void;
		vocabulary: { variants: { value: string }[]; measures: { value: string }[]; symbols: string[] };
	};

	beforeAll(async () => {
		published = (await import(`../../${PROPERTIES_FILE}`)) as typeof published;
		published.register(Serializer);
	});

	it("carries this version's lists", () => {
		expect(published.vocabulary.variants.map((v) => v.value)).toEqual([
			'symbols',
			'standard',
			'carer',
			'staff-review',
			'childrens-home'
		]);
		expect(published.vocabulary.measures.map((m) => m.value)).toContain('safe.feel_safe');
		expect(published.vocabulary.symbols).toContain('dont-know');
	});

	it.each(surveys)('lets survey-core read and save %s whole', (file) => {
		const def = read(file);
		const model = new Model(structuredClone(def));
		expect(model.jsonErrors ?? []).toEqual([]);
		const saved = model.toJSON() as Json;
		for (const key of ['variant', 'respondent', 'languages', 'symbol', 'translationReview']) {
			expect(saved[key], key).toEqual(def[key]);
		}
		const ours = /"(symbol|measure|positiveAnswers|safeguardingAnswers|notCountedAnswers)":/g;
		const count = (d: Json) => JSON.stringify(d).match(ours)?.length;
		expect(count(saved)).toBe(count(def));
		model.dispose();
	});
});

describe('static/surveyjs/voices.schema.json', () => {
	const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Json;
	const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
	const errors = (def: Json) => {
		validate(def);
		return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
	};

	it.each(surveys)('accepts %s', (file) => {
		expect(errors(read(file))).toEqual([]);
	});

	it('refuses the shapes the check refuses, naming where', () => {
		const def = read('short-breaks-carer.json');
		const pages = def.pages as { elements: Json[] }[];
		const question = pages[2]!.elements[0]!;
		expect(question.name).toBe('carer_satisfied');
		Object.assign(question, { positiveAnswers: '4, 5', measure: 'carer.happy', symbol: 'unicorn' });
		Object.assign(def, { variant: 'easy', languages: 'pl' });
		pages[0]!.elements.push({ type: 'slider', name: 'how_much' });
		const found = errors(def);
		expect(found).toContain('/pages/2/elements/0/positiveAnswers must be array');
		expect(found).toContain(
			'/pages/2/elements/0/measure must be equal to one of the allowed values'
		);
		expect(found).toContain(
			'/pages/2/elements/0/symbol must be equal to one of the allowed values'
		);
		expect(found).toContain('/variant must be equal to one of the allowed values');
		expect(found).toContain('/languages must be array');
		expect(found).toContain('/pages/0/elements/1/type must be equal to one of the allowed values');
	});
});

// Last: writing the files registers the app's own module, which would stand in for the published one.
describe('the published files', () => {
	it('are what `npm run surveyjs:publish` writes (run it after changing the lists)', async () => {
		for (const { path, text } of await publishedFiles()) {
			expect(readFileSync(path, 'utf8'), path).toBe(text);
		}
	});
});
