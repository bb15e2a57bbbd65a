/**
 * `count(*)` is a number from PGlite and a string (bigint) from `pg`: every repository passes
 * counts through here, and nothing else converts them.
 */
export function toCount(value: string | number | bigint | null | undefined): number {
	if (value === null || value === undefined) return 0;
	const n = Number(value);
	if (!Number.isSafeInteger(n)) throw new Error(`Not a count: ${String(value)}`);
	return n;
}
