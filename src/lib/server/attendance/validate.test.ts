import { describe, expect, it } from 'vitest';
import { readChoice, readRegister, statusField } from './validate';

const TODAY = '2026-11-24';
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('readChoice: which register', () => {
	const ok = { service: A, date: '2026-11-20', type: 'break_time_hours' };

	it('reads a service, a past date and a type of hours', () => {
		expect(readChoice(ok, TODAY)).toEqual({
			choice: { serviceId: A, heldOn: '2026-11-20', hourType: 'break_time_hours' },
			errors: {}
		});
	});
	it('accepts today', () => {
		expect(readChoice({ ...ok, date: TODAY }, TODAY).errors).toEqual({});
	});
	it('refuses a date after today', () => {
		expect(readChoice({ ...ok, date: '2026-11-25' }, TODAY).errors).toEqual({
			date: 'Date must be today or in the past'
		});
	});
	it('refuses a missing or unreal date', () => {
		expect(readChoice({ ...ok, date: '' }, TODAY).errors.date).toBe(
			'Enter the date of the sessions'
		);
		expect(readChoice({ ...ok, date: '2026-02-30' }, TODAY).errors.date).toBe(
			'Date must be a real date, like 2026-11-24'
		);
		expect(readChoice({ ...ok, date: '20/11/2026' }, TODAY).errors.date).toBe(
			'Date must be a real date, like 2026-11-24'
		);
	});
	it('refuses a type of hours not on the list, and a missing service', () => {
		expect(readChoice({ ...ok, type: 'sleepover_hours', service: '' }, TODAY).errors).toEqual({
			service: 'Choose a service',
			type: 'Choose a type of hours from the list'
		});
		expect(readChoice({ ...ok, type: 'toString' }, TODAY).errors.type).toBe(
			'Choose a type of hours from the list'
		);
	});
});

describe('readRegister: the marks and the shared fields', () => {
	const marked = { hours: '2.5', [statusField(A)]: 'attended', [statusField(B)]: '' };

	it('reads each child’s mark and the hours; "not booked" is an empty mark', () => {
		expect(readRegister(marked, [A, B], 'personal_care_hours')).toEqual({
			register: {
				hours: '2.5',
				activity: null,
				marks: [
					{ packageId: A, status: 'attended' },
					{ packageId: B, status: '' }
				]
			},
			errors: {}
		});
	});
	it('accepts both kinds of cancellation', () => {
		const { register, errors } = readRegister(
			{
				hours: '3',
				[statusField(A)]: 'cancelled_by_provider',
				[statusField(B)]: 'cancelled_by_family'
			},
			[A, B],
			'overnight_hours'
		);
		expect(errors).toEqual({});
		expect(register.marks.map((m) => m.status)).toEqual([
			'cancelled_by_provider',
			'cancelled_by_family'
		]);
	});
	it('accepts hours of 24 and of 0.25, and refuses 0, 24.01, 30 and negatives', () => {
		const hours = (h: string) => readRegister({ ...marked, hours: h }, [A, B], 'overnight_hours');
		expect(hours('24').errors).toEqual({});
		expect(hours('0.25').register.hours).toBe('0.25');
		for (const h of ['0', '0.00', '24.01', '30', '-1'])
			expect(hours(h).errors, h).toEqual({
				hours: 'Hours must be more than 0 and no more than 24'
			});
	});
	it('refuses more than 2 decimal places, words and a missing number of hours', () => {
		const hours = (h: string) =>
			readRegister({ ...marked, hours: h }, [A, B], 'overnight_hours').errors.hours;
		expect(hours('2.125')).toBe('Hours must have no more than 2 decimal places, like 2.25');
		expect(hours('two')).toBe('Hours must be a number, like 2.5');
		expect(hours('1e1')).toBe('Hours must be a number, like 2.5');
		expect(hours('')).toBe('Enter the hours of each session');
	});
	it('needs the activity of Break Time and Break Time Plus sessions', () => {
		for (const type of ['break_time_hours', 'break_time_plus_hours'] as const)
			expect(readRegister(marked, [A, B], type).errors, type).toEqual({
				activity: 'Enter the type of Break Time activity, like swimming'
			});
		expect(
			readRegister({ ...marked, activity: 'Swimming' }, [A, B], 'break_time_hours').register
				.activity
		).toBe('Swimming');
	});
	it('keeps the activity to 200 characters', () => {
		const at = (n: number) =>
			readRegister({ ...marked, activity: 'x'.repeat(n) }, [A, B], 'break_time_plus_hours').errors;
		expect(at(200)).toEqual({});
		expect(at(201)).toEqual({ activity: 'Type of activity must be 200 characters or fewer' });
	});
	it('keeps no activity for other types of hours', () => {
		const { register, errors } = readRegister(
			{ ...marked, activity: 'Swimming' },
			[A, B],
			'personal_care_hours'
		);
		expect(errors).toEqual({});
		expect(register.activity).toBeNull();
	});
	it('refuses a mark not on the list', () => {
		expect(
			readRegister({ ...marked, [statusField(B)]: 'absent' }, [A, B], 'overnight_hours').errors
		).toEqual({ [statusField(B)]: 'Choose not booked, attended or cancelled' });
	});
	it('needs at least one child marked, shown at the first child', () => {
		expect(readRegister({ hours: '2' }, [A, B], 'overnight_hours').errors).toEqual({
			[statusField(A)]: 'Mark at least one child as attended or cancelled'
		});
	});
	it('says when nobody has a package open on the day', () => {
		expect(readRegister({ hours: '2' }, [], 'overnight_hours').errors).toEqual({
			date: 'No child has a care package with this service on this date'
		});
	});
});
