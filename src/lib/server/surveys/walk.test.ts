import { readFileSync } from 'node:fs';
import { Model, type ItemValue, type QuestionSelectBase } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { measureIds } from '../catalogue/measures';
import { loadSymbolSet } from '../symbols';
import { checkDefinition } from './check';
import { extractRules } from './rules';
import type { Json } from './types';
import { choicesOf, questionsOf, valuesOf } from './walk';

const q = (name: string) => ({ type: 'text', name });
const page = (rest: Json) => ({ name: 'p', ...rest });

// What survey-core 3 keeps, found by loading each definition into a Model: `questions` is the
// older name of `elements`; when a file has both, the later key wins unless its list is empty.
const containers: [string, Json, string[]][] = [
	['questions on the survey', { questions: [q('a'), q('b')] }, ['a', 'b']],
	['questions on a page', { pages: [page({ questions: [q('a')] })] }, ['a']],
	[
		'questions on a panel',
		{ pages: [page({ elements: [{ type: 'panel', name: 'x', questions: [q('a')] }] })] },
		['x', 'a']
	],
	['elements, then questions', { elements: [q('a')], questions: [q('b')] }, ['b']],
	['questions, then elements', { questions: [q('b')], elements: [q('a')] }, ['a']],
	[
		'page: elements, then questions',
		{ pages: [page({ elements: [q('a')], questions: [q('b')] })] },
		['b']
	],
	[
		'page: questions, then elements',
		{ pages: [page({ questions: [q('b')], elements: [q('a')] })] },
		['a']
	],
	[
		'page: an empty list does not replace',
		{ pages: [page({ elements: [q('a')], questions: [] })] },
		['a']
	],
	['page: null is skipped', { pages: [page({ elements: null, questions: [q('a')] })] }, ['a']],
	['page: one object is a list of one', { pages: [page({ elements: q('a') })] }, ['a']],
	['pages, then elements', { pages: [page({ elements: [q('a')] })], elements: [q('b')] }, ['b']],
	['elements, then pages', { elements: [q('b')], pages: [page({ elements: [q('a')] })] }, ['a']],
	['pages, then questions', { pages: [page({ elements: [q('a')] })], questions: [q('b')] }, ['b']],
	['pages, then empty elements', { pages: [page({ elements: [q('a')] })], elements: [] }, []],
	['pages, then null elements', { pages: [page({ elements: [q('a')] })], elements: null }, ['a']],
	['pages as one object', { pages: page({ elements: [q('a')] }) }, ['a']]
];

describe('questionsOf', () => {
	it.each(containers)('%s', (_, definition, names) => {
		expect(questionsOf(definition).map((e) => e.name)).toEqual(names);
	});

	it.each(containers)('agrees with survey-core: %s', (_, definition) => {
		const model = new Model(structuredClone(definition));
		const theirs = model.getAllQuestions().map((e) => e.name);
		const ours = questionsOf(definition).filter((e) => e.type !== 'panel');
		expect(ours.map((e) => e.name)).toEqual(theirs);
		model.dispose();
	});
});

const choices: unknown[] = [
	'yes|Yes',
	'no',
	3,
	'a|b|c',
	'w|',
	{ value: 'x|y' },
	{ value: 'x|y', text: 'Later wins' },
	{ text: 'Earlier loses', value: 'x|y' },
	{ text: 'only text' },
	true
];

describe('choicesOf', () => {
	it('reads the value|text shorthand and plain values as SurveyJS does', () => {
		const read = choicesOf({ type: 'radiogroup', choices }).map((c) => [c.value, c.text]);
		expect(read).toEqual([
			['yes', 'Yes'],
			['no', undefined],
			[3, undefined],
			['a', 'b|c'],
			['w', undefined],
			['x', 'y'],
			['x', 'Later wins'],
			['x', 'y'],
			['only text', 'only text'],
			[true, undefined]
		]);
	});

	it('agrees with survey-core on values and texts', () => {
		const model = new Model({ elements: [{ type: 'radiogroup', name: 'r', choices }] });
		const question = model.getQuestionByName('r') as QuestionSelectBase;
		const theirs = question.choices.map((c: ItemValue) => [c.value, c.text]);
		const ours = choicesOf({ type: 'radiogroup', choices }).map((c) => [
			c.value,
			c.text ?? String(c.value)
		]);
		expect(ours).toEqual(theirs);
		model.dispose();
	});

	it('reads rating values the same way', () => {
		expect(valuesOf({ type: 'rating', rateValues: ['1|One', 2, { value: 3 }] })).toEqual([
			'1',
			2,
			3
		]);
	});
});

describe('a definition written with `questions`', () => {
	const minimal = JSON.parse(readFileSync('tests/fixtures/surveys/minimal.json', 'utf8')) as Json;
	const symbols = loadSymbolSet();
	const ctx = { measureIds, hasSymbol: symbols.has };
	const pages = minimal.pages as Json[];

	it('is checked and counted like one written with `elements`, on pages or on the survey', () => {
		const onPages = {
			...minimal,
			pages: pages.map(({ elements, ...rest }) => ({ ...rest, questions: elements }))
		};
		const onSurvey: Json = { ...minimal, questions: pages.flatMap((p) => p.elements as Json[]) };
		delete onSurvey.pages;
		for (const def of [onPages, onSurvey]) {
			expect(checkDefinition('q.json', def, ctx)).toEqual([]);
			expect(Object.keys(extractRules(def))).toEqual(['feel_safe']);
		}
	});

	it('mixed with `elements`, counts only the list survey-core keeps', () => {
		const [first, ...rest] = pages;
		const mixed = {
			...minimal,
			pages: [{ ...first, questions: [{ type: 'comment', name: 'shadowed' }] }, ...rest]
		};
		expect(questionsOf(mixed).map((e) => e.name)).not.toContain('feel_safe');
		expect(extractRules(mixed)).toEqual({});
	});
});
