// What every posted form must be before any field is looked at: a body the browser's own form
// encodings produce, and text a person could have typed. A form post with NUL or other control
// characters, or half of a UTF-16 surrogate pair, was not typed; PostgreSQL refuses NUL in text,
// and the rest would be stored and shown as garbage.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The posted form, or null when the body is not a form or cannot be parsed. */
export async function readFormData(request: Request): Promise<FormData | null> {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!FORM_TYPES.includes(type)) return null;
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

// C0 controls and DEL; a textarea may also hold tab and line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether `value` holds only characters a person can type into a field (multiline: a textarea). */
export function isTypedText(value: string, multiline = false): boolean {
	return !(multiline ? CONTROL_TEXT : CONTROL_LINE).test(value) && !LONE_SURROGATE.test(value);
}
