import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSymbolSet } from '../symbols';
import { loadSurveyCatalogue, loadSurveyFile } from './load';
import { formatProblem } from './types';

const symbols = loadSymbolSet();
const fixtures = 'tests/fixtures/surveys';
const problemsOf = (file: string) =>
	loadSurveyFile(`${fixtures}/broken/${file}`, symbols).problems.map(formatProblem);

// One broken fixture per rule; each must be rejected with `file: question: what is wrong`.
const expectations: Record<string, string> = {
	'not-json.json': 'not-json.json: (survey): not valid JSON',
	'unknown-type.json': 'unknown-type.json: feel_safe: unknown question type "slider"',
	'unknown-measure.json': 'unknown-measure.json: feel_safe: unknown measure "safe.feels_safe"',
	'no-positive-answers.json':
		'no-positive-answers.json: feel_safe: feeds "safe.feel_safe" but defines no positiveAnswers',
	'positive-not-a-choice.json':
		'positive-not-a-choice.json: feel_safe: positiveAnswers names "always", which is not one of its answers',
	'question-without-symbol.json':
		'question-without-symbol.json: feel_safe: the question has no symbol',
	'choice-without-symbol.json':
		'choice-without-symbol.json: feel_safe: choice "sometimes" has no symbol',
	'unknown-symbol.json':
		'unknown-symbol.json: feel_safe: the question: unknown symbol "unicorn-rainbow"',
	'missing-translation.json':
		'missing-translation.json: feel_safe: missing translation of title: ur',
	'invalid-visible-if.json': 'invalid-visible-if.json: anything_else: invalid visibleIf',
	'visible-if-unknown-question.json':
		'visible-if-unknown-question.json: anything_else: visibleIf refers to "feels_safe", which is not a question in this survey',
	'duplicate-name.json': 'duplicate-name.json: feel_safe: duplicate name',
	'measure-twice.json':
		'measure-twice.json: feel_safe_again: "safe.feel_safe" is already fed by feel_safe',
	'long-sentence.json':
		'long-sentence.json: feel_safe: Easy Read: a sentence has more than 15 words',
	'unsafe-html.json': 'unsafe-html.json: welcome: html contains markup that is not allowed',
	'prototype-name.json':
		'prototype-name.json: __proto__: the name "__proto__" is the object prototype in JavaScript',
	'reserved-choice-value.json':
		'reserved-choice-value.json: feel_safe: choice "dontknow": the value is reserved'
};

describe('the survey definition check', () => {
	it('accepts the minimal valid fixture', () => {
		const { survey, problems } = loadSurveyFile(`${fixtures}/minimal.json`, symbols);
		expect(problems).toEqual([]);
		expect(survey?.rules).toEqual({
			feel_safe: {
				measure: 'safe.feel_safe',
				positive: ['yes'],
				notCounted: [],
				safeguarding: ['no']
			}
		});
	});

	it('has an expectation for every broken fixture', () => {
		expect(readdirSync(`${fixtures}/broken`).sort()).toEqual(Object.keys(expectations).sort());
	});

	it.each(Object.entries(expectations))('rejects %s', (file, message) => {
		const problems = problemsOf(file);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toContain(message);
	});

	it('accepts every shipped survey, and every measure in the catalogue is fed', () => {
		const { surveys, problems } = loadSurveyCatalogue('surveys');
		expect(problems.map(formatProblem)).toEqual([]);
		expect(surveys.map((s) => s.id)).toEqual([
			'childrens-home-child',
			'end-of-care-package-review',
			'short-breaks-carer',
			'short-breaks-child-standard',
			'short-breaks-child-symbols'
		]);
	});

	it('names the catalogue measures that no survey feeds', () => {
		const { problems } = loadSurveyCatalogue(fixtures);
		const unfed = problems.filter((p) => p.file === '(catalogue)').map((p) => p.question);
		expect(unfed).toContain('voice.listened');
		expect(unfed).not.toContain('safe.feel_safe');
	});
});
