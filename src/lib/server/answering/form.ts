import { isTypedText, readFormData } from '../forms/body';

/** Why a respondent's post was refused before any of it was used; each is a text key. */
export type FormProblem = 'unreadable' | 'unknownField' | 'badCharacters';

// A question page posts a handful of values; a checkbox question at most one per choice.
const MAX_VALUES = 200;
const MAX_LENGTH = 10_000;

/**
 * Reads a children's page form: a real form body holding only `fields`, as text a person could
 * type (line breaks only in `answer`, which may be a comment box). Anything else is refused whole.
 */
export async function readRespondentForm(
	request: Request,
	fields: readonly string[]
): Promise<{ ok: true; form: FormData } | { ok: false; error: FormProblem }> {
	const form = await readFormData(request);
	if (!form) return { ok: false, error: 'unreadable' };
	let count = 0;
	for (const [key, value] of form.entries()) {
		if (++count > MAX_VALUES || !fields.includes(key)) return { ok: false, error: 'unknownField' };
		// A long answer is the question's own error (tooLong), told with its limit.
		if (typeof value !== 'string' || (key !== 'answer' && value.length > MAX_LENGTH))
			return { ok: false, error: 'unknownField' };
		if (!isTypedText(value, key === 'answer')) return { ok: false, error: 'badCharacters' };
	}
	return { ok: true, form };
}
