import { createHash } from 'node:crypto';

/** JSON with keys sorted at every level, so that formatting and key order do not change a hash. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value);
}

export function contentHash(value: unknown): string {
	return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
