import { readFileSync } from 'node:fs';
import type { Question } from 'survey-core';
import type { SurveyCreatorModel } from 'survey-creator-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSurveyProperties } from './properties';
import type { Json } from './types';

// Survey Creator's property grid, run in Node as a commissioner's browser would run it: each of
// our properties gets a real editor, and an answer list edited there stays a list of the
// question's own values (a plain text editor saved `"yes, no"`, which no longer counts).

let creatorCore: typeof import('survey-creator-core');

beforeAll(async () => {
	registerSurveyProperties();
	// survey-creator-core 3.0 (the newest on npm) says on import that survey-core is 3.1.
	const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
	creatorCore = await import('survey-creator-core');
	quiet.mockRestore();
});

function open(definition: Json): SurveyCreatorModel {
	const creator = new creatorCore.SurveyCreatorModel({});
	creator.text = JSON.stringify(definition);
	return creator;
}

function editorsFor(creator: SurveyCreatorModel, name?: string) {
	const target = name ? creator.survey.getQuestionByName(name) : creator.survey;
	const grid = new creatorCore.PropertyGridModel(target as never, creator);
	return (property: string) => grid.survey.getQuestionByName(property) as Question;
}

const savedQuestion = (creator: SurveyCreatorModel, name: string) =>
	(JSON.parse(creator.text) as { pages: { elements: Json[] }[] }).pages
		.flatMap((p) => p.elements)
		.find((q) => q.name === name);

const choiceValues = (editor: Question) =>
	(editor as unknown as { choices: { value: unknown }[] }).choices.map((c) => c.value);

const carer = JSON.parse(readFileSync('surveys/short-breaks-carer.json', 'utf8')) as Json;

describe("Survey Creator's property grid", () => {
	it('edits positiveAnswers of a rating as a list of its numbers, and saves a list', () => {
		const creator = open(carer);
		const editor = editorsFor(creator, 'carer_satisfied');
		const positive = editor('positiveAnswers');
		expect(positive.getType()).toBe('tagbox');
		expect(choiceValues(positive)).toEqual([1, 2, 3, 4, 5]);
		expect([...(positive.value as number[])]).toEqual([4, 5]);
		positive.value = [3, 4, 5];
		expect(savedQuestion(creator, 'carer_satisfied')?.positiveAnswers).toEqual([3, 4, 5]);
	});

	it('offers safeguarding the built-in "I don\'t know" too, and not-counted answers not', () => {
		const creator = open(carer);
		const editor = editorsFor(creator, 'carer_cope');
		const all = ['strongly_agree', 'agree', 'disagree', 'strongly_disagree'];
		expect(choiceValues(editor('safeguardingAnswers'))).toEqual([...all, 'dontknow']);
		expect(choiceValues(editor('notCountedAnswers'))).toEqual(all);
		editor('safeguardingAnswers').value = ['strongly_disagree', 'dontknow'];
		expect(savedQuestion(creator, 'carer_cope')?.safeguardingAnswers).toEqual([
			'strongly_disagree',
			'dontknow'
		]);
	});

	it('keeps true and false as booleans for a yes/no question', () => {
		const creator = open({
			pages: [{ name: 'p', elements: [{ type: 'boolean', name: 'b', measure: 'safe.feel_safe' }] }]
		});
		const positive = editorsFor(creator, 'b')('positiveAnswers');
		expect(choiceValues(positive)).toEqual([true, false]);
		positive.value = [true];
		expect(savedQuestion(creator, 'b')?.positiveAnswers).toEqual([true]);
	});

	it("offers a choice added to the question in the same grid's answer lists", () => {
		const creator = open(carer);
		const question = creator.survey.getQuestionByName('carer_cope') as unknown as {
			choices: unknown[];
		};
		const positive = editorsFor(creator, 'carer_cope')('positiveAnswers');
		expect(choiceValues(positive)).not.toContain('not_sure');
		question.choices = [...question.choices, { value: 'not_sure', text: 'Not sure' }];
		expect(choiceValues(positive)).toContain('not_sure');
	});

	it("edits a choice's symbol from the dictionary in its row's detail panel", () => {
		const creator = open(carer);
		const choices = editorsFor(creator, 'carer_cope')('choices') as unknown as {
			visibleRows: {
				showDetailPanel(): void;
				detailPanel: { getQuestionByName(n: string): Question };
			}[];
		};
		const row = choices.visibleRows[0]!;
		row.showDetailPanel();
		const symbol = row.detailPanel.getQuestionByName('symbol');
		expect(symbol.getType()).toBe('dropdown');
		expect(symbol.value).toBe('yes');
		expect(choiceValues(symbol)).toContain('happy');
		symbol.value = 'happy';
		const saved = savedQuestion(creator, 'carer_cope')?.choices as Json[];
		expect(saved[0]).toMatchObject({ value: 'strongly_agree', symbol: 'happy' });
	});

	it('offers the catalogue for measure and the dictionary for symbols', () => {
		const editor = editorsFor(open(carer), 'carer_satisfied');
		expect(editor('measure').getType()).toBe('dropdown');
		expect(choiceValues(editor('measure'))).toContain('carer.satisfied');
		expect(choiceValues(editor('measure'))).toContain('safe.feel_safe');
		expect(choiceValues(editor('symbol'))).toContain('satisfied');
		expect(choiceValues(editor('symbol'))).toContain('dont-know');
	});

	it('shows the measure only on a question that can feed one', () => {
		const creator = open({
			pages: [{ name: 'p', elements: [{ type: 'comment', name: 'c', symbol: 'talk' }] }]
		});
		const editor = editorsFor(creator, 'c');
		expect(editor('symbol').isVisible).toBe(true);
		expect(editor('measure')?.isVisible ?? false).toBe(false);
		expect(editor('positiveAnswers')?.isVisible ?? false).toBe(false);
	});

	it('edits the survey: variant and respondent from their lists, languages as a list', () => {
		const creator = open(carer);
		const editor = editorsFor(creator);
		expect(choiceValues(editor('variant'))).toEqual([
			'symbols',
			'standard',
			'carer',
			'staff-review',
			'childrens-home'
		]);
		expect(choiceValues(editor('respondent'))).toEqual(['child', 'carer', 'staff']);
		expect(choiceValues(editor('languages'))).toEqual(['pl', 'ur']);
		editor('languages').value = ['pl'];
		expect((JSON.parse(creator.text) as Json).languages).toEqual(['pl']);
	});
});
