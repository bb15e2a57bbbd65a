import { END_REASONS, type EndReason } from '../../domain/care-packages';
import { isOneOf } from '../../domain/words';
import { isRealDate } from '../../calendar/dates';
import type { FieldErrors } from '../forms/staff';

// Checks for ending a care package. Messages follow the GOV.UK error message pattern: say what
// to do, in the words of the label.

type Values = Partial<Record<string, string>>;

export const MAX_EXPLANATION = 1000;

export interface PackageEndInput {
	ends_on: string;
	end_reason: EndReason;
	end_explanation: string | null;
}

/** How a care package ended; a placement that broke down, or ended otherwise, is explained. */
export function readPackageEnd(
	values: Values,
	startsOn: string
): { end: PackageEndInput; errors: FieldErrors } {
	const v = (k: string) => (values[k] ?? '').trim();
	const errors: FieldErrors = {};
	if (!v('end_on')) errors.end_on = 'Enter the end date';
	else if (!isRealDate(v('end_on'))) errors.end_on = 'End date must be a real date';
	else if (v('end_on') < startsOn)
		errors.end_on = `End date must be the same as or after the start date, ${startsOn}`;
	const reason = v('end_reason');
	if (!isOneOf(END_REASONS, reason)) errors.end_reason = 'Choose why the care package ended';
	const explanation = v('end_explanation');
	if (explanation.length > MAX_EXPLANATION)
		errors.end_explanation = `Explanation must be ${MAX_EXPLANATION} characters or fewer`;
	else if (!explanation && reason === 'broke_down')
		errors.end_explanation = 'Explain why the placement broke down';
	else if (!explanation && reason === 'other')
		errors.end_explanation = 'Explain why the care package ended';
	return {
		end: {
			ends_on: v('end_on'),
			end_reason: reason as EndReason,
			end_explanation: explanation || null
		},
		errors
	};
}
