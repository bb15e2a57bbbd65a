/** Display choices a respondent can make, remembered on the device in a cookie. */
export const DISPLAY_OPTIONS = ['large', 'contrast', 'calm'] as const;
export type DisplayOption = (typeof DISPLAY_OPTIONS)[number];
export const DISPLAY_COOKIE = 'display';

export function parseDisplay(value: string | undefined | null): DisplayOption[] {
	const wanted = new Set((value ?? '').split(','));
	return DISPLAY_OPTIONS.filter((o) => wanted.has(o));
}

/** Only a path on this site may be returned to after changing the display (no open redirect). */
export function safeReturnPath(value: unknown): string {
	return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
