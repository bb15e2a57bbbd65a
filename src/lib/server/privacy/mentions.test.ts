import { describe, expect, it } from 'vitest';
import { mentionsOf } from './mentions';

describe('mentionsOf', () => {
	const mentions = mentionsOf({
		reference: 'ZQ-4417',
		display_name: 'Zephyrine Q',
		date_of_birth: '2013-07-09'
	});

	it('finds the reference, the name or a word of it, and the date of birth, in any case', () => {
		for (const text of [
			'Climbing with zq-4417',
			'Zephyrine Q hit a peer',
			"zephyrine's birthday bowling",
			'Born 2013-07-09',
			'born 09/07/2013',
			'born 9/7/2013',
			'born 9.7.2013',
			'born 9 July 2013'
		])
			expect(mentions(text), text).toBe(true);
	});

	it('finds whole words only, and not a short word of the name alone', () => {
		for (const text of ['Swimming', 'Zephyrines', 'Q and A', 'ZQ-44170', '19/07/2013'])
			expect(mentions(text), text).toBe(false);
	});

	it('finds nothing for a child with nothing to find', () => {
		expect(mentionsOf({ reference: '', display_name: '', date_of_birth: null })('x')).toBe(false);
	});
});
