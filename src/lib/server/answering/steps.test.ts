import { describe, expect, it } from 'vitest';
import { FINISH, HELPED, nextStep, previousStep, stepsFor } from './steps';

const review = {
	respondent: 'staff',
	pages: [
		{ elements: [{ type: 'html', name: 'intro', html: 'Hi' }] },
		{ elements: [{ type: 'radiogroup', name: 'outcome_1', choices: ['achieved', 'partly'] }] },
		{
			elements: [
				{
					type: 'radiogroup',
					name: 'outcome_2',
					visibleIf: '{outcome_1} notempty',
					choices: ['achieved']
				}
			]
		},
		{ elements: [{ type: 'comment', name: 'evaluation', visibleIf: "{outcome_1} = 'partly'" }] }
	]
};

describe('stepsFor: visibleIf evaluated on the server', () => {
	it('hides questions whose condition is not met yet', () => {
		expect(stepsFor(review, {})).toEqual({
			steps: ['intro', 'outcome_1', FINISH],
			numbered: ['outcome_1']
		});
	});
	it('shows them once the answers meet the condition', () => {
		expect(stepsFor(review, { outcome_1: 'partly' }).steps).toEqual([
			'intro',
			'outcome_1',
			'outcome_2',
			'evaluation',
			FINISH
		]);
		expect(stepsFor(review, { outcome_1: 'achieved' }).steps).toEqual([
			'intro',
			'outcome_1',
			'outcome_2',
			FINISH
		]);
	});
	it('shows every question, information pages unnumbered, when nothing is conditional', () => {
		const plain = {
			pages: review.pages.map((p) => ({
				elements: (p.elements as Record<string, unknown>[]).map(({ visibleIf: _v, ...e }) => e)
			}))
		};
		expect(stepsFor(plain, {})).toEqual({
			steps: ['intro', 'outcome_1', 'outcome_2', 'evaluation', FINISH],
			numbered: ['outcome_1', 'outcome_2', 'evaluation']
		});
	});

	it('asks children who is helping them just after the welcome', () => {
		const list = stepsFor({ ...review, respondent: 'child' }, {});
		expect(list.steps).toEqual(['intro', HELPED, 'outcome_1', FINISH]);
		expect(nextStep(list, 'intro')).toBe(HELPED);
		expect(nextStep(list, HELPED)).toBe('outcome_1');
		expect(previousStep(list, HELPED)).toBe('intro');
		expect(previousStep(list, 'outcome_1')).toBe(HELPED);
		expect(previousStep(list, 'intro')).toBeNull();
		expect(list.numbered).toEqual(['outcome_1']);
	});

	it('asks first when the survey opens with a question', () => {
		const noWelcome = { respondent: 'child', pages: review.pages.slice(1) };
		expect(stepsFor(noWelcome, {}).steps).toEqual([HELPED, 'outcome_1', FINISH]);
	});

	it('does not ask when who helped is known already, nor anyone but a child', () => {
		const child = { ...review, respondent: 'child' };
		expect(stepsFor(child, {}, { whoHelpedKnown: true }).steps).toEqual([
			'intro',
			'outcome_1',
			FINISH
		]);
		expect(stepsFor({ ...review, respondent: 'carer' }, {}).steps).not.toContain(HELPED);
	});
});

describe('stepsFor: SurveyJS older `questions` key', () => {
	// Every step must be a question the JSON reader finds too, or the step's page is a 404.
	const legacy = {
		respondent: 'staff',
		questions: [
			{ type: 'radiogroup', name: 'first', choices: ['a', 'b'] },
			{ type: 'comment', name: 'second', visibleIf: "{first} = 'b'" }
		]
	};
	it('walks the questions of a survey written with `questions`, conditions and all', () => {
		expect(stepsFor(legacy, {}).steps).toEqual(['first', FINISH]);
		expect(stepsFor(legacy, { first: 'b' }).steps).toEqual(['first', 'second', FINISH]);
	});
	it('without conditions, reads them without survey-core', () => {
		const plain = { respondent: 'staff', pages: [{ questions: [{ type: 'text', name: 'only' }] }] };
		expect(stepsFor(plain, {}).steps).toEqual(['only', FINISH]);
	});
});
