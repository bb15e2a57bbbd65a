import { isTypedText, readFormData } from './body';

/** The most any one staff form field may hold; longer posts are refused, not cut. */
export const MAX_FIELD_LENGTH = 2000;
/** The most values one post may carry (a register lists a row per open care package). */
const MAX_VALUES = 2000;

/** Fields the staff pages show as a textarea: only these may hold tabs and line breaks. */
const MULTILINE: ReadonlySet<string> = new Set([
	'evaluation',
	'end_explanation',
	'referral_explanation',
	'incidents_summary',
	'comment',
	'choice_evidence',
	'advice_evidence',
	'note'
]);

/** A field's name as the page's label words it, for a message. */
const named = (key: string) => key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

export type FieldErrors = Record<string, string>;

export type ReadForm<F extends string> =
	| { ok: true; values: Record<F, string>; all: (name: F) => string[] }
	| { ok: false; error: string };

/**
 * Reads a staff form: only the named fields, only text, none too long. A post with anything else
 * was not made by our page and is refused whole, so nothing half-read is stored.
 */
export async function readForm<F extends string>(
	request: Request,
	fields: readonly F[]
): Promise<ReadForm<F>> {
	const form = await readFormData(request);
	if (!form)
		return { ok: false, error: 'The form could not be read. Send it again from the page.' };
	const values = {} as Record<F, string>;
	let count = 0;
	for (const [key, value] of form.entries()) {
		if (++count > MAX_VALUES) return { ok: false, error: 'The form has too many fields' };
		if (!(fields as readonly string[]).includes(key))
			return { ok: false, error: `Unexpected field "${key.slice(0, 40)}"` };
		if (typeof value !== 'string') return { ok: false, error: `${named(key)} must be text` };
		if (value.length > MAX_FIELD_LENGTH)
			return { ok: false, error: `${named(key)} must be ${MAX_FIELD_LENGTH} characters or fewer` };
		if (!isTypedText(value, MULTILINE.has(key)))
			return {
				ok: false,
				error: `${named(key)} has a character that cannot be saved, such as a control character: remove it`
			};
	}
	for (const f of fields) {
		const v = form.get(f);
		values[f] = typeof v === 'string' ? v.trim() : '';
	}
	const all = (name: F) => form.getAll(name).map((v) => String(v));
	return { ok: true, values, all };
}

/** The first error, for the page title and focus. */
export function hasErrors(errors: FieldErrors): boolean {
	return Object.keys(errors).length > 0;
}
