import { describe, expect, it } from 'vitest';
import { describeError } from './log';

describe('describeError', () => {
	it('keeps the class, code and constraint of a database error and drops its message and row', () => {
		const e = Object.assign(
			new Error('duplicate key value violates unique constraint "child_reference_uq"'),
			{
				code: '23505',
				constraint: 'child_reference_uq',
				table: 'child',
				detail: 'Failing row contains (RIV-0042, Jamie Smith, 2015-03-02, k1:9f2c…).'
			}
		);
		const text = describeError(e);
		expect(text).toContain('Error code=23505 constraint=child_reference_uq table=child');
		expect(text).toMatch(/\n {2}at /);
		for (const secret of ['RIV-0042', 'Jamie', '2015-03-02', 'k1:', 'duplicate key'])
			expect(text).not.toContain(secret);
	});

	it('drops the message of any other error and a field that is not a plain name', () => {
		const e = Object.assign(new TypeError('invalid input syntax for type uuid: "Jamie Smith"'), {
			column: 'Jamie Smith'
		});
		const text = describeError(e);
		expect(text.split('\n')[0]).toBe('TypeError');
		expect(text).not.toContain('Jamie');
		expect(describeError('Jamie Smith')).toBe('a thrown string');
	});
});
