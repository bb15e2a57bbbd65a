/**
 * A percentage as every page writes it: one decimal place, always ("78.0%", not "78%" beside
 * "76.3%"), so figures set side by side read alike. The figures are rounded to one place where
 * they are worked out (src/lib/server/db/dashboard.ts); this only writes them.
 */
export function percentText(n: number): string {
	return `${(Math.round(n * 10) / 10).toFixed(1)}%`;
}

/** A 95% interval: "56.8–86.3%". */
export function intervalText(low: number, high: number): string {
	return `${percentText(low).slice(0, -1)}–${percentText(high)}`;
}
