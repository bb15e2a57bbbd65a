import { describe, expect, it } from 'vitest';
import { classify, extractRules, isSafeguardingAnswer } from './rules';

const rule = {
	measure: 'dorset.9.1',
	positive: ['yes'],
	notCounted: ['not_for_me'],
	safeguarding: ['no']
};

describe('classify, the counting rule', () => {
	it('counts listed positive answers as positive', () =>
		expect(classify(rule, 'yes')).toBe('positive'));
	it('counts any other answer that takes a position as negative', () => {
		expect(classify(rule, 'no')).toBe('negative');
		expect(classify(rule, 'sometimes')).toBe('negative');
	});
	it('keeps "I don\'t know", "I\'d rather not say" and the definition\'s own out of the denominator', () => {
		expect(classify(rule, 'dontknow')).toBe('not_counted');
		expect(classify(rule, 'refused')).toBe('not_counted');
		expect(classify(rule, 'not_for_me')).toBe('not_counted');
	});
	it('compares values exactly: the rating 4 is not the string "4"', () => {
		const rating = {
			measure: 'carer.satisfied',
			positive: [4, 5],
			notCounted: [],
			safeguarding: []
		};
		expect(classify(rating, 4)).toBe('positive');
		expect(classify(rating, '4')).toBe('negative');
	});
	it('flags safeguarding answers only where the definition marks them', () => {
		expect(isSafeguardingAnswer(rule, 'no')).toBe(true);
		expect(isSafeguardingAnswer(rule, 'sometimes')).toBe(false);
		expect(isSafeguardingAnswer(undefined, 'no')).toBe(false);
	});
});

describe('extractRules', () => {
	it('takes the rules from measure questions only, through pages and panels', () => {
		const rules = extractRules({
			pages: [
				{ elements: [{ type: 'html', name: 'intro' }] },
				{
					elements: [
						{
							type: 'panel',
							name: 'p',
							elements: [
								{ type: 'boolean', name: 'b', measure: 'carer.cope', positiveAnswers: [true] }
							]
						}
					]
				}
			]
		});
		expect(rules).toEqual({
			b: { measure: 'carer.cope', positive: [true], notCounted: [], safeguarding: [] }
		});
	});
});
