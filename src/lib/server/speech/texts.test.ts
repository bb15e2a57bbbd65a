import { describe, expect, it } from 'vitest';
import { speechKey } from '../../speech/key';
import { interfaceTexts, speechRows, surveyTexts } from './texts';

const survey = {
	title: { default: 'About your break', pl: 'O twoim pobycie' },
	languages: ['pl'],
	completedHtml: { default: '<p>Thank you.</p><p>Bye.</p>', pl: '<p>Dziękujemy.</p>' },
	pages: [
		{
			elements: [
				{ type: 'html', name: 'hello', html: '<p>Hello.</p><p>These questions…</p>' },
				{
					type: 'radiogroup',
					name: 'safe',
					title: { default: 'I feel safe', pl: 'Czuję się bezpiecznie' },
					choices: [{ value: 'yes', text: { default: 'Yes', pl: 'Tak' } }],
					showDontKnowItem: true,
					dontKnowText: { default: "I don't know", pl: 'Nie wiem' }
				},
				{ type: 'comment', name: 'more', title: 'Tell us more', maxLength: 500 }
			]
		}
	]
};

describe('texts the server may read', () => {
	it("lists a survey's words in English and each language it has, paragraph by paragraph", () => {
		const texts = surveyTexts(survey).filter((t) => t.text);
		const en = texts.filter((t) => t.lang === 'en').map((t) => t.text);
		const pl = texts.filter((t) => t.lang === 'pl').map((t) => t.text);
		expect(en).toEqual(
			expect.arrayContaining(['About your break', 'Thank you.', 'Bye.', 'Hello.', 'I feel safe'])
		);
		expect(en).toEqual(expect.arrayContaining(['These questions…', 'Yes', "I don't know"]));
		expect(en).not.toContain('Thank you. Bye.');
		expect(pl).toEqual(
			expect.arrayContaining(['O twoim pobycie', 'Dziękujemy.', 'Czuję się bezpiecznie', 'Tak'])
		);
		expect(pl).toEqual(expect.arrayContaining(['Nie wiem', 'Tell us more']));
		// Urdu pages of a survey without Urdu show (and read) its English.
		expect(texts.some((t) => t.lang === 'ur')).toBe(false);
	});

	it('lists the interface words of the children pages, with each length limit', () => {
		const texts = interfaceTexts([survey]);
		const ur = texts.filter((t) => t.lang === 'ur').map((t) => t.text);
		expect(ur).toEqual(expect.arrayContaining(['اپنا کوڈ ٹائپ کریں', 'شکریہ', '0800 1111']));
		const en = texts.filter((t) => t.lang === 'en').map((t) => t.text);
		expect(en).toEqual(
			expect.arrayContaining([
				'Type your code',
				'There is a problem',
				'Who is helping you today?',
				'Your answer is too long. Write 500 characters or fewer.',
				'Your answer is too long. Write 2000 characters or fewer.',
				'0800 1111'
			])
		);
		expect(en).not.toContain('Read to me');
		expect(en).not.toContain('Continue');
	});

	it('names every text by the key the pages compute', () => {
		const texts = [...surveyTexts(survey), ...interfaceTexts([survey])].filter((t) => t.text);
		expect(speechRows(texts).map((r) => r.key)).toEqual([
			...new Set(texts.map((t) => speechKey(t.lang, t.text)))
		]);
		// SHA-256 of "<engine> <voice> <rate> <bit rate>\n<text>", worked out with sha256sum.
		expect(speechRows([{ lang: 'ur', text: 'ہیلو۔' }])[0]!.key).toBe(
			'7d0db455bb1d26bc928ed9f5d2f20c11'
		);
	});

	it('makes one row per key, with the voice that reads it', () => {
		const rows = speechRows([
			{ lang: 'en', text: 'Yes' },
			{ lang: 'en', text: ' Yes ' },
			{ lang: 'pl', text: 'Tak' },
			{ lang: 'en', text: '' }
		]);
		expect(rows).toEqual([
			{ key: speechKey('en', 'Yes'), voice: 'en-gb', text: 'Yes' },
			{ key: speechKey('pl', 'Tak'), voice: 'pl', text: 'Tak' }
		]);
	});
});
