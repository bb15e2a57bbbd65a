import { valuesOf } from './words';

/** The versions of a survey a respondent may be given. */
export const VARIANTS = {
	symbols: 'Symbols',
	standard: 'Standard',
	carer: 'Carer form',
	'staff-review': 'Staff review',
	'childrens-home': "Children's home"
} as const;
export type Variant = keyof typeof VARIANTS;
export const VARIANT_VALUES = valuesOf(VARIANTS);
