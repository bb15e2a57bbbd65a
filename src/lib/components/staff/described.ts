/** The ids a field's aria-describedby names: its hint and its error, when shown. */
export function describedBy(id: string, hint: string, error: string): string | undefined {
	return (
		[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
	);
}
