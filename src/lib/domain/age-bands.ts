/** Age bands for reporting: a child's date of birth is never shown in statistics, only its band. */
export const AGE_BANDS = ['0-4', '5-7', '8-11', '12-15', '16-17', '18-25', '26+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageOn(dateOfBirth: string, on: Date): number {
	const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
	let age = on.getUTCFullYear() - y;
	if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age--;
	return age;
}

export function ageBand(dateOfBirth: string | null, on = new Date()): AgeBand | null {
	if (!dateOfBirth) return null;
	const age = ageOn(dateOfBirth, on);
	if (age < 0) return null;
	if (age <= 4) return '0-4';
	if (age <= 7) return '5-7';
	if (age <= 11) return '8-11';
	if (age <= 15) return '12-15';
	if (age <= 17) return '16-17';
	if (age <= 25) return '18-25';
	return '26+';
}
