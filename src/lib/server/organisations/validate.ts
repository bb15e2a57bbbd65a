import { isRealDate } from '../../calendar/dates';
import { FRAMEWORKS, type Framework } from '../../domain/frameworks';
import { HOUR_TYPES, type HourType } from '../../domain/hour-types';
import { SERVICE_KINDS, type ServiceKind } from '../../domain/service-kinds';
import { isOneOf } from '../../domain/words';
import type { FieldErrors } from '../forms/staff';

// What an administrator or provider manager types about an organisation, checked before anything
// is looked up: each message names its field (GOV.UK error messages).

type Values = Partial<Record<string, string>>;

const CODE = /^[a-z][a-z0-9-]{1,39}$/;
const NAME_MAX = 120;

function name(v: string, what: string, errors: FieldErrors, field = 'name'): string {
	if (!v) errors[field] = `Enter the ${what}’s name`;
	else if (v.length > NAME_MAX)
		errors[field] = `The ${what}’s name must be ${NAME_MAX} characters or fewer`;
	return v;
}

export function readCouncil(posted: Values) {
	const errors: FieldErrors = {};
	const code = (posted.code ?? '').toLowerCase();
	if (!code) errors.code = 'Enter the council’s code';
	else if (!CODE.test(code))
		errors.code =
			'The council’s code must be 2 to 40 lower-case letters, digits or hyphens, starting with a letter, like lancashire';
	return { council: { code, name: name(posted.name ?? '', 'council', errors) }, errors };
}

export function readProvider(posted: Values) {
	const errors: FieldErrors = {};
	const reference = posted.regulator_reference ?? '';
	if (reference.length > 40)
		errors.regulator_reference = 'The regulator reference must be 40 characters or fewer';
	return {
		provider: {
			name: name(posted.name ?? '', 'provider', errors),
			regulator_reference: reference || null
		},
		errors
	};
}

/** A service's name and hour types, which its provider's manager may change too. */
export function readServiceDetails(posted: Values, hourTypes: string[]) {
	const errors: FieldErrors = {};
	const types = hourTypes.filter((t): t is HourType => isOneOf(HOUR_TYPES, t));
	if (types.length !== hourTypes.length) errors.hour_types = 'Choose hour types from the list';
	else if (!types.length) errors.hour_types = 'Choose at least one hour type the service offers';
	return {
		details: {
			name: name(posted.name ?? '', 'service', errors),
			hour_types: [...new Set(types)],
			lead: posted.lead ?? ''
		},
		errors
	};
}

export function readNewService(posted: Values, hourTypes: string[]) {
	const { details, errors } = readServiceDetails(posted, hourTypes);
	const kind = posted.kind ?? '';
	if (!isOneOf(SERVICE_KINDS, kind)) errors.kind = 'Choose what kind of service it is';
	if (!posted.council) errors.council = 'Choose the council the service works for';
	return {
		service: { ...details, kind: kind as ServiceKind, council: posted.council ?? '' },
		errors
	};
}

export function readCommission(posted: Values) {
	const errors: FieldErrors = {};
	const v = (k: string) => posted[k] ?? '';
	const framework = v('framework');
	if (!isOneOf(FRAMEWORKS, framework))
		errors.framework = 'Choose the framework the council commissions under';
	if (!v('starts_on')) errors.starts_on = 'Enter the start date';
	else if (!isRealDate(v('starts_on')))
		errors.starts_on = 'Start date must be a real date, like 2026-04-01';
	if (v('ends_on') && !isRealDate(v('ends_on')))
		errors.ends_on = 'End date must be a real date, like 2027-03-31';
	else if (v('ends_on') && isRealDate(v('starts_on')) && v('ends_on') < v('starts_on'))
		errors.ends_on = 'End date must be the same as or after the start date';
	return {
		commission: {
			council: v('council'),
			provider: v('provider'),
			framework: framework as Framework,
			starts_on: v('starts_on'),
			ends_on: v('ends_on') || null
		},
		errors
	};
}
