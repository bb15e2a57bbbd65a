import { LANGUAGES } from '../../domain/languages';
import { RESPONDENTS } from '../../domain/respondents';
import { VARIANTS } from '../../domain/variants';
import type { Choice, VoicesVocabulary } from '../../surveyjs/properties';
import { measures } from '../catalogue/measures';
import dictionary from '../symbols/dictionary.json';
import { MEASURABLE_TYPES, SURVEY_LOCALES } from './types';

const choices = (labels: Record<string, string>): Choice[] =>
	Object.entries(labels).map(([value, text]) => ({ value, text }));

/**
 * The app's lists as the SurveyJS properties offer them. Symbols are the dictionary's: a council's
 * own symbol files are checked when the survey loads, not offered in an editor's list.
 */
export function voicesVocabulary(): VoicesVocabulary {
	return {
		variants: choices(VARIANTS),
		respondents: choices(RESPONDENTS),
		locales: SURVEY_LOCALES.map((value) => ({
			value,
			text: LANGUAGES[value as keyof typeof LANGUAGES] ?? value
		})),
		measures: measures.map((m) => ({ value: m.id, text: `${m.id}: ${m.label}` })),
		symbols: Object.keys(dictionary).sort(),
		measurableTypes: [...MEASURABLE_TYPES]
	};
}
