import { SEND_NEEDS, SOURCES } from './needs';
import { ownValue } from '../own';

/** The dashboard's breakdowns and the words for their values, for the server and the pages. */

/** Stored in the tallies when a response has no value for a breakdown. */
export const NOT_RECORDED = 'not_recorded';
/** Carer and staff forms do not ask who helped. */
export const NOT_ASKED = 'not_asked';

/** Words for breakdown values, as commissioners read them. */
export const MODE_LABELS: Record<string, string> = {
	alone: 'On their own',
	helped: 'With help',
	proxy: 'An adult answered for them',
	[NOT_ASKED]: 'Not asked (carer and staff forms)'
};

const LANGUAGES: Record<string, string> = { en: 'English', pl: 'Polish', ur: 'Urdu' };
const VARIANTS: Record<string, string> = {
	symbols: 'Symbols',
	standard: 'Standard',
	carer: 'Carer form',
	'staff-review': 'Staff review',
	'childrens-home': "Children's home"
};

export const BREAKDOWN_LABELS = {
	none: 'No breakdown',
	provider: 'Provider',
	service: 'Service',
	month: 'Month',
	source: 'Source',
	completion_mode: 'Who answered',
	age_band: 'Age band',
	send_need: 'SEND need',
	variant: 'Survey version',
	language: 'Language'
} as const;

export function valueLabel(breakdown: string, value: string): string {
	if (value === NOT_RECORDED) return 'Not recorded';
	const table: Record<string, Record<string, string>> = {
		source: SOURCES,
		completion_mode: MODE_LABELS,
		send_need: SEND_NEEDS,
		language: LANGUAGES,
		variant: VARIANTS
	};
	const labels = ownValue(table, breakdown);
	return (labels && ownValue(labels, value)) ?? value;
}
