// Lookups by a value that came from a form, a URL or a survey file. `key in object` and
// `object[key]` also find what every object inherits (`constructor`, `toString`, `__proto__`),
// so a posted `constructor` would pass as a known choice; these look at own keys only.

/** Whether `key` is one of the object's own keys (a list item, never an inherited property). */
export function isKeyOf<T extends object>(object: T, key: unknown): key is keyof T & string {
	return typeof key === 'string' && Object.hasOwn(object, key);
}

/** The object's own value for `key`, or undefined. */
export function ownValue<V>(object: Readonly<Record<string, V>>, key: string): V | undefined {
	return Object.hasOwn(object, key) ? object[key] : undefined;
}
