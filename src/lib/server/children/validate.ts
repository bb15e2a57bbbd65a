import { isRealDate, readDate } from '../../calendar/dates';
import { ageOn } from '../../domain/age-bands';
import { locales } from '../../i18n';
import { isKeyOf } from '../../own';
import { HOUR_TYPES, type HourType } from '../../domain/hour-types';
import { SEND_NEEDS } from '../../domain/send-needs';
import type { FieldErrors } from '../forms/staff';

export interface ChildInput {
	reference: string;
	display_name: string;
	date_of_birth: string;
	send_needs: string[];
	communication_needs: string | null;
	preferred_variant: string | null;
	preferred_language: string | null;
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9 _/-]{0,39}$/;

type Values = Partial<Record<string, string>>;

export function readChild(
	posted: Values,
	needs: string[],
	today = new Date()
): { child: ChildInput; errors: FieldErrors } {
	const v = (k: string) => posted[k] ?? '';
	const errors: FieldErrors = {};
	if (!v('reference')) errors.reference = 'Enter your reference for the child';
	else if (!REFERENCE.test(v('reference')))
		errors.reference = 'Reference must be up to 40 letters, digits, spaces, dashes or slashes';
	if (!v('display_name')) errors.display_name = 'Enter a first name or initials';
	else if (v('display_name').length > 30 || v('display_name').trim().split(/\s+/).length > 2)
		errors.display_name = 'Enter a first name or initials only, not a full name';
	const dob = readDate(v('dob_day'), v('dob_month'), v('dob_year'));
	if (dob === 'missing') errors.dob_day = 'Enter the date of birth';
	else if (dob === 'invalid') errors.dob_day = 'Date of birth must be a real date, like 27 3 2015';
	else if (ageOn(dob, today) < 0) errors.dob_day = 'Date of birth must be in the past';
	else if (ageOn(dob, today) > 25) errors.dob_day = 'The child must be 25 or younger';
	const unknown = needs.filter((n) => !isKeyOf(SEND_NEEDS, n));
	if (unknown.length) errors.send_needs = 'Choose needs from the list';
	if (v('communication_needs').length > 300)
		errors.communication_needs = 'Communication needs must be 300 characters or fewer';
	if (v('preferred_variant') && !['symbols', 'standard'].includes(v('preferred_variant')))
		errors.preferred_variant = 'Choose a survey version from the list';
	if (v('preferred_language') && !(locales as readonly string[]).includes(v('preferred_language')))
		errors.preferred_language = 'Choose a language from the list';
	return {
		child: {
			reference: v('reference'),
			display_name: v('display_name'),
			date_of_birth: typeof dob === 'string' && dob.includes('-') ? dob : '',
			send_needs: [...new Set(needs)],
			communication_needs: v('communication_needs') || null,
			preferred_variant: v('preferred_variant') || null,
			preferred_language: v('preferred_language') || null
		},
		errors
	};
}

export interface CarePackageInput {
	service_id: string;
	starts_on: string;
	ends_on: string | null;
	hours: Record<HourType, string>;
}

const HOURS = /^\d{1,4}(\.\d{1,2})?$/;

export function readCarePackage(
	posted: Values,
	serviceIds: string[]
): { carePackage: CarePackageInput; errors: FieldErrors } {
	const v = (k: string) => posted[k] ?? '';
	const errors: FieldErrors = {};
	if (!serviceIds.includes(v('service_id'))) errors.service_id = 'Choose one of your services';
	const isDate = isRealDate;
	if (!v('starts_on')) errors.starts_on = 'Enter the start date';
	else if (!isDate(v('starts_on')))
		errors.starts_on = 'Start date must be a real date, like 2026-04-01';
	if (v('ends_on') && !isDate(v('ends_on')))
		errors.ends_on = 'End date must be a real date, like 2027-03-31';
	else if (v('ends_on') && isDate(v('starts_on')) && v('ends_on') < v('starts_on'))
		errors.ends_on = 'End date must be the same as or after the start date';
	const hours = {} as Record<HourType, string>;
	for (const [key, label] of Object.entries(HOUR_TYPES) as [HourType, string][]) {
		const raw = v(key) || '0';
		if (!HOURS.test(raw)) errors[key] = `${label} hours must be a number from 0 to 9999.99`;
		hours[key] = raw;
	}
	return {
		carePackage: {
			service_id: v('service_id'),
			starts_on: v('starts_on'),
			ends_on: v('ends_on') || null,
			hours
		},
		errors
	};
}
