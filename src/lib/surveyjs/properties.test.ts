import { Model, Serializer, type Question } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { registerVoicesProperties, type VoicesVocabulary } from './properties';

// The module with lists of its own, through survey-core's Serializer alone (the grid that uses
// these settings is tested in src/lib/server/surveys/creator-grid.test.ts).
const lists: VoicesVocabulary = {
	variants: [{ value: 'symbols', text: 'Symbols' }],
	respondents: [{ value: 'child', text: 'Child' }],
	locales: [{ value: 'pl', text: 'Polish' }],
	measures: [{ value: 'safe.feel_safe', text: 'Feels safe' }],
	symbols: ['no', 'safe', 'yes'],
	measurableTypes: ['radiogroup', 'rating']
};

const definition = {
	variant: 'symbols',
	languages: ['pl'],
	pages: [
		{
			name: 'p',
			elements: [
				{
					type: 'radiogroup',
					name: 'feel_safe',
					symbol: 'safe',
					measure: 'safe.feel_safe',
					positiveAnswers: ['yes'],
					safeguardingAnswers: ['no', 'dontknow'],
					showDontKnowItem: true,
					choices: [
						{ value: 'yes', text: 'Yes', symbol: 'yes' },
						{ value: 'no', text: 'No', symbol: 'no' }
					]
				},
				// As survey-core writes a rating with its own values (normalise.ts undoes it for hashing).
				{
					type: 'rating',
					name: 'how',
					autoGenerate: false,
					rateCount: 3,
					rateValues: [1, 2, 3],
					positiveAnswers: [3]
				}
			]
		}
	]
};

registerVoicesProperties(Serializer, lists);
registerVoicesProperties(Serializer, lists);

const choicesFor = (name: string, question: Question) =>
	(
		Serializer.findProperty(question.getType(), name)!.getChoices(question) as { value: unknown }[]
	).map((c) => c.value);

describe('registerVoicesProperties', () => {
	it('registers each property once, however often it is called', () => {
		const names = Serializer.getPropertiesByObj(
			new Model(definition).getQuestionByName('feel_safe')
		)
			.map((p) => p.name)
			.filter((n) => n === 'symbol' || n === 'positiveAnswers');
		expect(names).toEqual(['symbol', 'positiveAnswers']);
	});

	it('gives each property its type and list', () => {
		const prop = (cls: string, name: string) => Serializer.findProperty(cls, name)!;
		expect(prop('survey', 'variant').type).toBe('dropdown');
		expect(prop('survey', 'variant').choices).toEqual(lists.variants);
		expect(prop('survey', 'languages').type).toBe('multiplevalues');
		expect(prop('question', 'measure').choices).toEqual(lists.measures);
		expect(prop('question', 'symbol').choices).toEqual(lists.symbols);
		expect(prop('itemvalue', 'symbol').choices).toEqual(lists.symbols);
		expect(prop('question', 'positiveAnswers').type).toBe('multiplevalues');
	});

	it("offers a question's own answers for its answer lists, built-ins for safeguarding", () => {
		const model = new Model(definition);
		const radio = model.getQuestionByName('feel_safe');
		expect(choicesFor('positiveAnswers', radio)).toEqual(['yes', 'no']);
		expect(choicesFor('safeguardingAnswers', radio)).toEqual(['yes', 'no', 'dontknow']);
		expect(choicesFor('positiveAnswers', model.getQuestionByName('how'))).toEqual([1, 2, 3]);
	});

	it('reads and writes every property back as it was', () => {
		const model = new Model(definition);
		expect(model.jsonErrors ?? []).toEqual([]);
		expect(model.toJSON()).toEqual(definition);
	});
});
