import type { Json } from '../surveys/types';
import { maxLengthOf, optionsOf } from './view';

/** The fields a question page may post; anything else is refused. */
export const ANSWER_FIELDS = ['answer', 'version', 'step'] as const;

export type ReadResult =
	| { ok: true; value: unknown }
	| { ok: true; empty: true }
	| { ok: false; error: AnswerError; detail?: string };

/** Each maps to an interface text key `answer.errors.<key>`. */
export type AnswerError =
	| 'required'
	| 'unknownChoice'
	| 'tooLong'
	| 'oneAnswer'
	| 'exclusive'
	| 'unknownField'
	| 'notAnswerable';

// Text answers are stored as typed, less control characters that only a forged post would send.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Refuses any field that is not one a question page sends. */
export function unknownFields(form: FormData): string[] {
	return [...new Set(form.keys())].filter((k) => !(ANSWER_FIELDS as readonly string[]).includes(k));
}

/**
 * Checks what was posted for one question against its definition and returns the typed value.
 * survey-core does not do this: it accepts a rating of 42 and silently drops unknown choices.
 */
export function readAnswer(q: Json, form: FormData): ReadResult {
	const posted = form.getAll('answer').map((v) => (typeof v === 'string' ? v : null));
	if (posted.includes(null)) return { ok: false, error: 'unknownChoice' };
	const values = posted as string[];
	if (q.type === 'html')
		return values.length ? { ok: false, error: 'notAnswerable' } : { ok: true, empty: true };

	if (q.type === 'text' || q.type === 'comment') {
		if (values.length > 1) return { ok: false, error: 'oneAnswer' };
		const text = (values[0] ?? '').replace(CONTROL, '').trim();
		const max = maxLengthOf(q) ?? 0;
		if ([...text].length > max) return { ok: false, error: 'tooLong', detail: String(max) };
		if (!text) return q.isRequired ? { ok: false, error: 'required' } : { ok: true, empty: true };
		return { ok: true, value: text };
	}

	const options = optionsOf(q);
	const typed = values.map((v) => options.find((o) => String(o.value) === v));
	if (typed.some((o) => o === undefined)) return { ok: false, error: 'unknownChoice' };
	const picked = typed.map((o) => o!.value);
	if (picked.length === 0)
		return q.isRequired ? { ok: false, error: 'required' } : { ok: true, empty: true };

	if (q.type === 'checkbox') {
		const unique = [...new Set(picked)];
		const special = unique.filter((v) => v === 'dontknow' || v === 'refused');
		if (special.length && unique.length > 1) return { ok: false, error: 'exclusive' };
		return { ok: true, value: unique };
	}
	if (picked.length > 1) return { ok: false, error: 'oneAnswer' };
	return { ok: true, value: picked[0] };
}
