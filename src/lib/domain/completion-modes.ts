import { valuesOf } from './words';

/** Who answered a child's survey: the child alone, with help, or an adult for them. */
export const COMPLETION_MODES = {
	alone: 'On their own',
	helped: 'With help',
	proxy: 'An adult answered for them'
} as const;
export type CompletionMode = keyof typeof COMPLETION_MODES;
export const COMPLETION_MODE_VALUES = valuesOf(COMPLETION_MODES);

/**
 * A survey staff start on their own device and hand to the child (assisted answering) is
 * answered with their help: it is recorded so from the start, and the child is not asked.
 */
export const HANDED_OVER_MODE: CompletionMode = 'helped';

/** Carer and staff forms do not ask who helped: their tallies carry this instead of a mode. */
export const NOT_ASKED = 'not_asked';
export const NOT_ASKED_LABEL = 'Not asked (carer and staff forms)';

/** Every value a tally's way of answering can hold. */
export const TALLIED_MODES: readonly string[] = [...COMPLETION_MODE_VALUES, NOT_ASKED];
