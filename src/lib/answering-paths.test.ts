import { describe, expect, it } from 'vitest';
import { isAnsweringPage } from './answering-paths';

const at = (path: string) => isAnsweringPage(new URL(path, 'http://voices.test'));

describe('isAnsweringPage', () => {
	it('holds for the pages of a survey and the display choices opened from one', () => {
		expect(at('/answer')).toBe(true);
		expect(at('/answer/q/feel_safe')).toBe(true);
		expect(at('/answer/helped')).toBe(true);
		expect(at('/answer/thanks')).toBe(true);
		expect(at('/display?return=%2Fanswer%2Fq%2Ffeel_safe')).toBe(true);
	});
	it('does not for the way in, the display choices from elsewhere, or look-alikes', () => {
		expect(at('/')).toBe(false);
		expect(at('/code')).toBe(false);
		expect(at('/i/abc')).toBe(false);
		expect(at('/display?return=%2Fcode')).toBe(false);
		expect(at('/display')).toBe(false);
		expect(at('/answers')).toBe(false);
		expect(at('/display?return=%2F%2Fanswer')).toBe(false);
	});
});
