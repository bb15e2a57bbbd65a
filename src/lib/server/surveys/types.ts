import type { SurveyRules } from '../db/schema';

export type Json = Record<string, unknown>;

/** One thing wrong with a definition, printed as `file: question: message`. */
export interface Problem {
	file: string;
	question: string;
	message: string;
}

export const SURVEY_LEVEL = '(survey)';

export function formatProblem(p: Problem): string {
	return `${p.file}: ${p.question}: ${p.message}`;
}

export interface LoadedSurvey {
	/** The file name without `.json`. */
	id: string;
	file: string;
	definition: Json;
	rules: SurveyRules;
	/** sha256 of the canonical JSON of the normalised definition: the identity of this version. */
	contentHash: string;
	title: string;
	variant: string;
	respondent: string;
	languages: string[];
}

/** Locales the interface speaks besides English; a survey may ask for any of them. */
export const SURVEY_LOCALES = ['pl', 'ur'];

export const QUESTION_TYPES = [
	'radiogroup',
	'boolean',
	'rating',
	'checkbox',
	'dropdown',
	'comment',
	'text',
	'imagepicker',
	'html'
];
export const MEASURABLE_TYPES = ['radiogroup', 'rating', 'boolean', 'dropdown', 'imagepicker'];
export const CHOICE_TYPES = ['radiogroup', 'checkbox', 'dropdown', 'imagepicker'];
/** Values survey-core gives its own items: "Other", "None", "I don't know", "I'd rather not say". */
export const RESERVED_VALUES = ['other', 'none', 'dontknow', 'refused'];
export const DONT_KNOW = 'dontknow';
export const REFUSED = 'refused';
