import { isKeyOf } from '../../own';
import type { ReturnKind } from '../../domain/return-kinds';
import type { FieldErrors } from '../forms/staff';
import { readDate } from '../../calendar/dates';

/**
 * What a provider types into a return: the items no record in the platform holds. Everything
 * else (hours, sessions, cancellations, activities, survey figures, reports) is assembled from
 * what was recorded, never typed twice.
 */

export const RATINGS = {
	outstanding: 'Outstanding',
	good: 'Good',
	requires_improvement: 'Requires improvement',
	inadequate: 'Inadequate',
	not_yet_inspected: 'Not yet inspected'
} as const;

export const REGULATORS = { ofsted: 'Ofsted', cqc: 'CQC' } as const;

export type Entered = Record<EnteredField, string>;

const QUARTERLY = [
	'referrals_received',
	'referrals_accepted',
	'referral_explanation',
	'incidents_count',
	'incidents_summary',
	'regulator',
	'annual_rating',
	'annual_rating_on',
	'interim_rating',
	'interim_rating_on',
	'comment'
] as const;
const ANNUAL = [...QUARTERLY, 'choice_evidence', 'advice_evidence'] as const;

export type EnteredField = (typeof ANNUAL)[number];

export const ENTERED_FIELDS: Record<ReturnKind, readonly EnteredField[]> = {
	monthly: ['comment'],
	quarterly: QUARTERLY,
	annual: ANNUAL
};

const TEXT_LIMIT: Partial<Record<EnteredField, number>> = {
	referral_explanation: 2000,
	incidents_summary: 2000,
	comment: 2000,
	choice_evidence: 2000,
	advice_evidence: 2000
};

export function emptyEntered(kind: ReturnKind): Entered {
	const e = {} as Entered;
	for (const f of ENTERED_FIELDS[kind]) e[f] = '';
	return e;
}

/** Keeps only the fields of this kind of return, as text. */
export function pickEntered(kind: ReturnKind, posted: Partial<Record<string, unknown>>): Entered {
	const e = emptyEntered(kind);
	for (const f of ENTERED_FIELDS[kind]) {
		const v = posted[f];
		e[f] = typeof v === 'string' ? v.trim() : '';
	}
	return e;
}

const COUNT = /^\d{1,6}$/;

/**
 * Checks a return's typed items. A draft may be saved part-filled (only what is filled must make
 * sense); a submission must be complete.
 */
export function checkEntered(
	kind: ReturnKind,
	e: Entered,
	o: { complete: boolean; periodEnd: string }
): FieldErrors {
	const errors: FieldErrors = {};
	const fields = ENTERED_FIELDS[kind];
	for (const f of fields) {
		const limit = TEXT_LIMIT[f];
		if (limit && e[f].length > limit)
			errors[f] = `This must be ${limit} characters or fewer; it is ${e[f].length}`;
	}
	if (kind === 'monthly') return errors;

	const count = (f: EnteredField, what: string): number | null => {
		if (!e[f]) {
			if (o.complete) errors[f] = `Enter the number of ${what}, or 0 if there were none`;
			return null;
		}
		if (e[f].startsWith('-')) errors[f] = `The number of ${what} cannot be negative`;
		else if (!COUNT.test(e[f])) errors[f] = `The number of ${what} must be a whole number, like 4`;
		else return Number(e[f]);
		return null;
	};
	const received = count('referrals_received', 'referrals received');
	const accepted = count('referrals_accepted', 'referrals accepted');
	if (received !== null && accepted !== null && accepted > received)
		errors.referrals_accepted = `Referrals accepted (${accepted}) cannot be more than referrals received (${received})`;
	if (
		o.complete &&
		received !== null &&
		accepted !== null &&
		accepted < received &&
		!e.referral_explanation
	)
		errors.referral_explanation =
			'Explain why the referrals that were not accepted did not lead to a service';
	const incidents = count('incidents_count', 'notifiable incidents');
	if (incidents && incidents > 0 && !e.incidents_summary && o.complete)
		errors.incidents_summary = 'Summarise the notifiable incidents made to Ofsted or CQC';
	if (incidents === 0 && e.incidents_summary)
		errors.incidents_summary =
			'Leave the summary empty when there were no notifiable incidents, or correct the number';

	if (e.regulator && !isKeyOf(REGULATORS, e.regulator))
		errors.regulator = 'Choose Ofsted or CQC from the list';
	else if (!e.regulator && o.complete) errors.regulator = 'Choose the regulator, Ofsted or CQC';
	for (const [rating, on, what] of [
		['annual_rating', 'annual_rating_on', 'annual'],
		['interim_rating', 'interim_rating_on', 'interim']
	] as const) {
		if (e[rating] && !isKeyOf(RATINGS, e[rating]))
			errors[rating] = `Choose the ${what} rating from the list`;
		else if (!e[rating] && o.complete && what === 'annual')
			errors[rating] = 'Choose the latest annual rating, or "Not yet inspected"';
		const inspected = e[rating] && e[rating] !== 'not_yet_inspected';
		if (e[on]) {
			const [y, m, d] = e[on].split('-');
			const date = readDate(d ?? '', m ?? '', y ?? '');
			if (date === 'invalid' || date === 'missing')
				errors[on] = `The ${what} inspection date must be a real date`;
			else if (date > o.periodEnd)
				errors[on] = `The ${what} inspection date must be on or before the end of the period`;
			else if (!inspected)
				errors[on] = `Leave the ${what} inspection date empty when there is no ${what} rating`;
		} else if (inspected && o.complete) errors[on] = `Enter the date of the ${what} inspection`;
	}
	if (kind === 'annual' && o.complete) {
		if (!e.choice_evidence)
			errors.choice_evidence =
				'Describe how children and families are involved in choices about their services';
		if (!e.advice_evidence)
			errors.advice_evidence =
				'Describe the evidence that families know about and can reach advice and support';
	}
	return errors;
}
