import { COMPLETION_MODES, NOT_ASKED, NOT_ASKED_LABEL } from './completion-modes';
import { LANGUAGES } from './languages';
import { SEND_NEEDS } from './send-needs';
import { SOURCES } from './sources';
import { VARIANTS } from './variants';
import { ownValue } from '../own';

/** The dashboard's breakdowns and the words for their values, for the server and the pages. */

/** Stored in the tallies when a response has no value for a breakdown. */
export const NOT_RECORDED = 'not_recorded';

export const BREAKDOWNS = {
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
export type BreakdownKey = keyof typeof BREAKDOWNS;

/** Words for a tally's ways of answering, as commissioners read them. */
export const MODE_LABELS: Readonly<Record<string, string>> = {
	...COMPLETION_MODES,
	[NOT_ASKED]: NOT_ASKED_LABEL
};

const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
	source: SOURCES,
	completion_mode: MODE_LABELS,
	send_need: SEND_NEEDS,
	language: LANGUAGES,
	variant: VARIANTS
};

export function valueLabel(breakdown: string, value: string): string {
	if (value === NOT_RECORDED) return 'Not recorded';
	const labels = ownValue(VALUE_LABELS, breakdown);
	return (labels && ownValue(labels, value)) ?? value;
}
