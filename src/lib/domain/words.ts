// Each word of the domain has one home in this folder: a record of its stored values and the words
// people read for them, `as const`. The type is derived from the record, the list of values from
// the type, so a value added in one place and not another fails the type checker.

/** The stored values of a vocabulary, in the order its record lists them. */
export function valuesOf<const T extends Record<string, string>>(labels: T): (keyof T & string)[] {
	return Object.keys(labels) as (keyof T & string)[];
}

/** Whether a value from a form, a URL or a file is one of the vocabulary's own values. */
export function isOneOf<const T extends Record<string, string>>(
	labels: T,
	value: unknown
): value is keyof T & string {
	return typeof value === 'string' && Object.hasOwn(labels, value);
}
