import { describe, expect, it } from 'vitest';
import { readAnswer, unknownFields } from './validate';

const form = (entries: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of entries) f.append(k, v);
	return f;
};
const answer = (...values: string[]) => form(values.map((v) => ['answer', v]));

const radio = {
	type: 'radiogroup',
	name: 'feel_safe',
	choices: [{ value: 'yes' }, { value: 'sometimes' }, { value: 'no' }],
	showDontKnowItem: true
};
const rating = {
	type: 'rating',
	name: 'overall',
	rateValues: [1, 2, 3, 4, 5].map((value) => ({ value }))
};
const checkbox = {
	type: 'checkbox',
	name: 'likes',
	choices: [{ value: 'sport' }, { value: 'music' }],
	showRefuseItem: true
};

describe('readAnswer: every posted value is checked against the definition', () => {
	it('accepts a listed choice and the built-in "I don\'t know"', () => {
		expect(readAnswer(radio, answer('yes'))).toEqual({ ok: true, value: 'yes' });
		expect(readAnswer(radio, answer('dontknow'))).toEqual({ ok: true, value: 'dontknow' });
	});
	it('refuses a choice the question does not have', () => {
		expect(readAnswer(radio, answer('maybe'))).toEqual({ ok: false, error: 'unknownChoice' });
		expect(readAnswer(radio, answer('refused'))).toEqual({ ok: false, error: 'unknownChoice' });
	});
	it('refuses two answers to a one-answer question', () => {
		expect(readAnswer(radio, answer('yes', 'no'))).toEqual({ ok: false, error: 'oneAnswer' });
	});
	it('types a rating as a number and refuses one out of range', () => {
		expect(readAnswer(rating, answer('4'))).toEqual({ ok: true, value: 4 });
		expect(readAnswer(rating, answer('42'))).toEqual({ ok: false, error: 'unknownChoice' });
		expect(readAnswer(rating, answer('4.0'))).toEqual({ ok: false, error: 'unknownChoice' });
	});
	it('types a yes/no answer as a boolean and refuses anything else', () => {
		const q = { type: 'boolean', name: 'recommend' };
		expect(readAnswer(q, answer('true'))).toEqual({ ok: true, value: true });
		expect(readAnswer(q, answer('false'))).toEqual({ ok: true, value: false });
		expect(readAnswer(q, answer('maybe'))).toEqual({ ok: false, error: 'unknownChoice' });
	});
	it('takes several checkbox answers once each, but not with "I\'d rather not say"', () => {
		expect(readAnswer(checkbox, answer('sport', 'music', 'sport'))).toEqual({
			ok: true,
			value: ['sport', 'music']
		});
		expect(readAnswer(checkbox, answer('sport', 'refused'))).toEqual({
			ok: false,
			error: 'exclusive'
		});
		expect(readAnswer(checkbox, answer('cooking'))).toEqual({ ok: false, error: 'unknownChoice' });
	});
	it('treats no answer as skipped, unless the question is required', () => {
		expect(readAnswer(radio, form([]))).toEqual({ ok: true, empty: true });
		expect(readAnswer({ ...radio, isRequired: true }, form([]))).toEqual({
			ok: false,
			error: 'required'
		});
	});
	it('refuses text over the limit, counting characters not bytes, and trims', () => {
		const q = { type: 'text', name: 'outcome', maxLength: 5 };
		expect(readAnswer(q, answer('  ąęść  '))).toEqual({ ok: true, value: 'ąęść' });
		expect(readAnswer(q, answer('abcdef'))).toEqual({ ok: false, error: 'tooLong', detail: '5' });
	});
	it('caps text at the default limit even when the definition sets none or a larger one', () => {
		const q = { type: 'comment', name: 'anything', maxLength: 1_000_000 };
		expect(readAnswer(q, answer('x'.repeat(2000)))).toEqual({ ok: true, value: 'x'.repeat(2000) });
		expect(readAnswer(q, answer('x'.repeat(2001)))).toMatchObject({ ok: false, error: 'tooLong' });
		expect(readAnswer({ type: 'text', name: 't' }, answer('x'.repeat(201)))).toMatchObject({
			error: 'tooLong'
		});
	});
	it('removes control characters a keyboard cannot type', () => {
		expect(readAnswer({ type: 'comment', name: 'c' }, answer('a\u0000b\u0007c\nd'))).toEqual({
			ok: true,
			value: 'abc\nd'
		});
	});
	it('refuses a file where a choice belongs, and any answer to an information page', () => {
		const f = new FormData();
		f.append('answer', new Blob(['x']), 'x.txt');
		expect(readAnswer(radio, f)).toEqual({ ok: false, error: 'unknownChoice' });
		expect(readAnswer({ type: 'html', name: 'intro' }, answer('x'))).toEqual({
			ok: false,
			error: 'notAnswerable'
		});
	});
});

describe('unknownFields', () => {
	it('names every field a question page does not send', () => {
		expect(
			unknownFields(
				form([
					['answer', 'yes'],
					['version', 'v'],
					['step', 's']
				])
			)
		).toEqual([]);
		expect(
			unknownFields(
				form([
					['answer', 'yes'],
					['measure', 'x'],
					['classification', 'positive']
				])
			)
		).toEqual(['measure', 'classification']);
	});
});
