import { describe, expect, it } from 'vitest';
import { readPackageReport, reportAnswers } from './report-validate';

const valid = {
	outcome_1_text: 'Sam makes a friend outside school',
	outcome_1: 'achieved',
	package_outcomes: 'partly',
	evaluation: 'Sam goes to the Saturday club on his own now.'
};

const errorsOf = (posted: Record<string, string>) => {
	const read = readPackageReport(posted);
	return read.ok ? {} : read.errors;
};

describe('readPackageReport', () => {
	it('reads one outcome, the overall judgement and the evaluation', () => {
		expect(readPackageReport(valid)).toEqual({
			ok: true,
			report: {
				outcomes: [{ text: 'Sam makes a friend outside school', result: 'achieved' }],
				overall: 'partly',
				evaluation: 'Sam goes to the Saturday club on his own now.'
			}
		});
	});

	it('asks for every required field of an empty form, in GOV.UK words', () => {
		expect(errorsOf({})).toEqual({
			outcome_1_text: 'Enter what care plan outcome 1 says',
			outcome_1: 'Choose whether outcome 1 was achieved',
			package_outcomes: 'Choose whether the care package achieved the outcomes in the care plan',
			evaluation: 'Enter an evaluation of the outcomes achieved through the short breaks'
		});
	});

	it('reads three outcomes in order, trimmed', () => {
		const read = readPackageReport({
			...valid,
			outcome_2_text: '  Sleeps away from home  ',
			outcome_2: 'partly',
			outcome_3_text: 'Tries a new activity',
			outcome_3: 'not_achieved'
		});
		expect(read.ok && read.report.outcomes).toEqual([
			{ text: 'Sam makes a friend outside school', result: 'achieved' },
			{ text: 'Sleeps away from home', result: 'partly' },
			{ text: 'Tries a new activity', result: 'not_achieved' }
		]);
	});

	it('needs the text and the result of an optional outcome together', () => {
		expect(errorsOf({ ...valid, outcome_2_text: 'Sleeps away from home' })).toEqual({
			outcome_2: 'Choose whether outcome 2 was achieved'
		});
		expect(errorsOf({ ...valid, outcome_3: 'achieved' })).toEqual({
			outcome_2_text: 'Enter what care plan outcome 2 says',
			outcome_2: 'Choose whether outcome 2 was achieved',
			outcome_3_text: 'Enter what care plan outcome 3 says'
		});
	});

	it('refuses results that are not on the list', () => {
		expect(errorsOf({ ...valid, outcome_1: 'mostly', package_outcomes: 'dontknow' })).toEqual({
			outcome_1: 'Choose whether outcome 1 was achieved',
			package_outcomes: 'Choose whether the care package achieved the outcomes in the care plan'
		});
		expect(errorsOf({ ...valid, outcome_1: 'toString' })).toHaveProperty('outcome_1');
	});

	it('limits outcomes to the survey’s 200 characters and the evaluation to 2000', () => {
		expect(
			errorsOf({ ...valid, outcome_1_text: 'x'.repeat(200), evaluation: 'y'.repeat(2000) })
		).toEqual({});
		expect(
			errorsOf({ ...valid, outcome_1_text: 'x'.repeat(201), evaluation: 'y'.repeat(2001) })
		).toEqual({
			outcome_1_text: 'Care plan outcome 1 must be 200 characters or fewer',
			evaluation: 'Evaluation must be 2000 characters or fewer'
		});
		// Counted in characters, not UTF-16 units.
		expect(errorsOf({ ...valid, outcome_1_text: '😀'.repeat(200) })).toEqual({});
	});

	it('drops control characters and treats whitespace as empty', () => {
		const read = readPackageReport({ ...valid, evaluation: 'Good\u0000 progress\n\nWell done' });
		expect(read.ok && read.report.evaluation).toBe('Good progress\n\nWell done');
		expect(errorsOf({ ...valid, evaluation: ' \u0007 ' })).toHaveProperty('evaluation');
	});
});

describe('reportAnswers', () => {
	it('names each answer after the review survey’s question', () => {
		expect(
			reportAnswers({
				outcomes: [
					{ text: 'One', result: 'achieved' },
					{ text: 'Two', result: 'not_achieved' }
				],
				overall: 'achieved',
				evaluation: 'Went well'
			})
		).toEqual({
			outcome_1_text: 'One',
			outcome_1: 'achieved',
			outcome_2_text: 'Two',
			outcome_2: 'not_achieved',
			package_outcomes: 'achieved',
			evaluation: 'Went well'
		});
	});
});
