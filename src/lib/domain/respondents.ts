import { valuesOf } from './words';

/** Who a survey is for. */
export const RESPONDENTS = {
	child: 'Child',
	carer: 'Parent or carer',
	staff: 'Staff'
} as const;
export type Respondent = keyof typeof RESPONDENTS;
export const RESPONDENT_VALUES = valuesOf(RESPONDENTS);
