import { valuesOf } from './words';

/** Where a response's answers are reported: what the invitation was for. */
export const SOURCES = {
	annual_review: 'Annual review',
	end_of_care_package: 'End of care package report',
	satisfaction_survey: 'Satisfaction survey',
	family_review: 'Family review'
} as const;
export type Source = keyof typeof SOURCES;
export const SOURCE_VALUES = valuesOf(SOURCES);
