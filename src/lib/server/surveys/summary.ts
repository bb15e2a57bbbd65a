import { measures } from '../catalogue/measures';
import { textIn } from './translations';
import type { LoadedSurvey } from './types';
import { questionsOf } from './walk';

export interface SurveySummary {
	id: string;
	title: string;
	description: string;
	variant: string;
	respondent: string;
	questions: number;
	languages: { locale: string; review: string | null }[];
	measures: { id: string; label: string }[];
	symbol: string;
}

const labels = new Map(measures.map((m) => [m.id, m.label]));

/** What a catalogue page shows of a survey, in one locale. */
export function summarise(survey: LoadedSurvey, locale: string): Omit<SurveySummary, 'symbol'> {
	const def = survey.definition;
	const review = (def.translationReview ?? {}) as Record<string, string>;
	return {
		id: survey.id,
		title: textIn(def.title, locale),
		description: textIn(def.description, locale),
		variant: survey.variant,
		respondent: survey.respondent,
		questions: questionsOf(def).filter((q) => q.type !== 'html').length,
		languages: survey.languages.map((l) => ({ locale: l, review: review[l] ?? null })),
		measures: Object.values(survey.rules).map((r) => ({
			id: r.measure,
			label: labels.get(r.measure) ?? r.measure
		}))
	};
}
