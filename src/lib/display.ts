/** Display choices a respondent can make, remembered on the device in a cookie. */
export const DISPLAY_OPTIONS = ['large', 'contrast', 'calm'] as const;
export type DisplayOption = (typeof DISPLAY_OPTIONS)[number];
export const DISPLAY_COOKIE = 'display';

export function parseDisplay(value: string | undefined | null): DisplayOption[] {
	const wanted = new Set((value ?? '').split(','));
	return DISPLAY_OPTIONS.filter((o) => wanted.has(o));
}

const HERE = 'http://here.invalid';

/**
 * Only a path on this site may be returned to after changing the display (no open redirect).
 * Browsers drop tabs and line breaks from a URL and read `\` as `/`, so `/\t/evil.example` would
 * leave the site: anything with control characters, spaces or backslashes is refused, and what is
 * kept is the path as the URL parser reads it (percent-encoded, safe for a Location header).
 */
export function safeReturnPath(value: unknown): string {
	if (typeof value !== 'string' || value.length > 1000) return '/';
	// eslint-disable-next-line no-control-regex
	if (!value.startsWith('/') || /[\u0000-\u0020\u007f\\]/.test(value)) return '/';
	let url: URL;
	try {
		url = new URL(value, HERE);
	} catch {
		return '/';
	}
	if (url.origin !== HERE || url.pathname.startsWith('//')) return '/';
	return `${url.pathname}${url.search}${url.hash}`;
}
