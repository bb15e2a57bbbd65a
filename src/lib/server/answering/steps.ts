import { Model } from 'survey-core';
import { registerSurveyProperties } from '../surveys/properties';
import type { Json } from '../surveys/types';

/** The steps a respondent walks through: who helped (children only), each question, finish. */
export const HELPED = '@helped';
export const FINISH = '@finish';

export interface StepList {
	/** Step ids in order: HELPED, question names, FINISH. */
	steps: string[];
	/** Question names that count in "Question n of m" (information pages do not). */
	numbered: string[];
}

/**
 * The visible steps given the answers so far. `visibleIf` is evaluated by survey-core on the
 * server, exactly as SurveyJS would in a browser.
 */
export function stepsFor(definition: Json, answers: Record<string, unknown>): StepList {
	registerSurveyProperties();
	const model = new Model(definition);
	try {
		for (const [name, value] of Object.entries(answers)) model.setValue(name, value);
		const visible = model
			.getAllQuestions(false)
			.filter((q) => q.isVisible && q.isParentVisible)
			.map((q) => ({ name: q.name, type: q.getType() }));
		const head = definition.respondent === 'child' ? [HELPED] : [];
		return {
			steps: [...head, ...visible.map((q) => q.name), FINISH],
			numbered: visible.filter((q) => q.type !== 'html').map((q) => q.name)
		};
	} finally {
		model.dispose();
	}
}

export function nextStep(list: StepList, current: string): string {
	const i = list.steps.indexOf(current);
	return list.steps[i + 1] ?? FINISH;
}

export function previousStep(list: StepList, current: string): string | null {
	const i = list.steps.indexOf(current);
	return i > 0 ? (list.steps[i - 1] ?? null) : null;
}
