import type { TFunction } from 'i18next';
import type { QuestionView } from '$lib/server/answering/view';

export type { QuestionView };

/** What every question component receives. */
export interface QuestionProps {
	question: QuestionView;
	/** The answer values already chosen (as the strings the form posts). */
	selected: string[];
	/** The error to show beside the field, already translated. */
	error: string | null;
	t: TFunction;
	/** "Question 3 of 8", already translated, heard with the question; null where not numbered. */
	progress?: string | null;
}
