/** The most any one staff form field may hold; longer posts are refused, not cut. */
export const MAX_FIELD_LENGTH = 2000;

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
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, error: 'The form could not be read. Send it again from the page.' };
	}
	const values = {} as Record<F, string>;
	for (const [key, value] of form.entries()) {
		if (!(fields as readonly string[]).includes(key))
			return { ok: false, error: `Unexpected field "${key.slice(0, 40)}"` };
		if (typeof value !== 'string') return { ok: false, error: `"${key}" must be text` };
		if (value.length > MAX_FIELD_LENGTH)
			return { ok: false, error: `"${key}" is longer than ${MAX_FIELD_LENGTH} characters` };
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
