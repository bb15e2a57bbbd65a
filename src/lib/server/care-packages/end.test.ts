import { describe, expect, it } from 'vitest';
import { readPackageEnd } from './end';

describe('readPackageEnd: how a care package ended', () => {
	const START = '2026-04-01';

	it('reads a package that ended as planned, with no explanation needed', () => {
		expect(readPackageEnd({ end_on: '2026-10-31', end_reason: 'completed' }, START)).toEqual({
			end: { ends_on: '2026-10-31', end_reason: 'completed', end_explanation: null },
			errors: {}
		});
	});
	it('accepts an end on the start day, and refuses one before it', () => {
		expect(readPackageEnd({ end_on: START, end_reason: 'completed' }, START).errors).toEqual({});
		expect(readPackageEnd({ end_on: '2026-03-31', end_reason: 'completed' }, START).errors).toEqual(
			{ end_on: 'End date must be the same as or after the start date, 2026-04-01' }
		);
	});
	it('refuses a missing or unreal end date', () => {
		expect(readPackageEnd({ end_reason: 'completed' }, START).errors).toEqual({
			end_on: 'Enter the end date'
		});
		expect(readPackageEnd({ end_on: '2026-09-31', end_reason: 'completed' }, START).errors).toEqual(
			{ end_on: 'End date must be a real date' }
		);
	});
	it('needs one of the reasons', () => {
		for (const reason of ['', 'moved'])
			expect(readPackageEnd({ end_on: '2026-10-31', end_reason: reason }, START).errors).toEqual({
				end_reason: 'Choose why the care package ended'
			});
	});
	it('needs an explanation when the placement broke down or ended for another reason', () => {
		expect(
			readPackageEnd({ end_on: '2026-10-31', end_reason: 'broke_down' }, START).errors
		).toEqual({ end_explanation: 'Explain why the placement broke down' });
		expect(readPackageEnd({ end_on: '2026-10-31', end_reason: 'other' }, START).errors).toEqual({
			end_explanation: 'Explain why the care package ended'
		});
		expect(
			readPackageEnd(
				{ end_on: '2026-10-31', end_reason: 'broke_down', end_explanation: 'Needs changed' },
				START
			)
		).toEqual({
			end: { ends_on: '2026-10-31', end_reason: 'broke_down', end_explanation: 'Needs changed' },
			errors: {}
		});
	});
	it('keeps the explanation to 1000 characters', () => {
		const at = (n: number) =>
			readPackageEnd(
				{ end_on: '2026-10-31', end_reason: 'other', end_explanation: 'x'.repeat(n) },
				START
			).errors;
		expect(at(1000)).toEqual({});
		expect(at(1001)).toEqual({ end_explanation: 'Explanation must be 1000 characters or fewer' });
	});
});
