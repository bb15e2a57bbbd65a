import { describe, expect, it } from 'vitest';
import { speak, speechKey, speechPath } from './key';

describe('speech keys', () => {
	it('names a text in a language by 32 hex digits, the same for the same words', () => {
		const key = speechKey('en', 'Do you feel safe?');
		expect(key).toMatch(/^[0-9a-f]{32}$/);
		expect(speechKey('en', '  Do you\n feel safe? ')).toBe(key);
		expect(speechKey('pl', 'Do you feel safe?')).not.toBe(key);
		expect(speechKey('en', 'Do you feel safe')).not.toBe(key);
		expect(speechPath(key!)).toBe(`/speech/${key}.mp3`);
		// SHA-256 of "espeak-ng 1.52 en-gb 150wpm 32kbps\nYes", worked out with sha256sum.
		expect(speechKey('en', 'Yes')).toBe('dd9c05eb53c531c3edeab224d43e57ec');
	});

	it('has no key for a language without a server voice, nor for no words', () => {
		expect(speechKey('de', 'Hallo')).toBeNull();
		expect(speechKey('en', '  ')).toBeNull();
	});

	it('marks an element as a part to read, with its audio and recording', () => {
		expect(speak('ur', 'ہیلو۔', '/audio/hello.mp3')).toEqual({
			'data-speak': '',
			'data-speech': speechKey('ur', 'ہیلو۔'),
			'data-audio': '/audio/hello.mp3'
		});
		expect(speak('de', 'Hallo')).toEqual({
			'data-speak': '',
			'data-speech': undefined,
			'data-audio': undefined
		});
	});
});
