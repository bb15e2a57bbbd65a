import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './hash';

describe('contentHash', () => {
	it('ignores key order and formatting', () => {
		expect(contentHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
			contentHash(JSON.parse('{"b":{"d":"x","c":[1,2]},"a":1}'))
		);
	});
	it('changes when any value changes, including array order', () => {
		expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
		expect(contentHash({ a: 'yes' })).not.toBe(contentHash({ a: 'Yes' }));
	});
	it('writes canonical JSON', () => {
		expect(canonicalJson({ b: 1, a: [true, null, 'x'] })).toBe('{"a":[true,null,"x"],"b":1}');
	});
});
