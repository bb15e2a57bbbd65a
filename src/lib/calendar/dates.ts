/** A calendar date (YYYY-MM-DD) as people in the UK write it: 13 Nov 2026. */
export function ukDate(iso: string | null | undefined): string {
	if (!iso) return '';
	const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	if (Number.isNaN(d.getTime())) return iso;
	return d.toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** Today's date in the UK (ISO), which decides the default quarter and which periods are under way. */
export function ukToday(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
