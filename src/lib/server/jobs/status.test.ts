import { describe, expect, it } from 'vitest';
import { errorIdIn, scheduleInWords } from './status';

describe('a schedule in words', () => {
	it('says the app’s crons plainly, and shows any other as it is', () => {
		expect(scheduleInWords('30 2 * * *')).toBe('Every day at 02:30');
		expect(scheduleInWords('15 * * * *')).toBe('Every hour at 15 minutes past');
		expect(scheduleInWords('* * * * *')).toBe('Every minute');
		expect(scheduleInWords('0 9 * * 1-5')).toBe('0 9 * * 1-5');
	});
});

describe('the error id of a failure', () => {
	it('is all that is taken from its message', () => {
		const id = '0b5c3e1a-9f7d-4c2b-8a61-3d2e1f0a9b8c';
		expect(errorIdIn(`The job failed (error id ${id}); the log has it.`)).toBe(id);
		expect(errorIdIn('Failing row contains (CHILD-REF-1)')).toBeNull();
		expect(errorIdIn(null)).toBeNull();
	});
});
