import { describe, expect, it } from 'vitest';
import { isKeyOf, ownValue } from './own';

const LIST = { ofsted: 'Ofsted', cqc: 'CQC' } as const;
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('own-key lookups', () => {
	it('find the list items', () => {
		expect(isKeyOf(LIST, 'cqc')).toBe(true);
		expect(ownValue(LIST, 'ofsted')).toBe('Ofsted');
	});

	it.each(INHERITED)('do not find the inherited %s', (name) => {
		expect(isKeyOf(LIST, name)).toBe(false);
		expect(ownValue(LIST, name)).toBeUndefined();
	});

	it('refuse what is not a string', () => {
		expect(isKeyOf(LIST, 1)).toBe(false);
		expect(isKeyOf(LIST, null)).toBe(false);
	});
});
