import { Model } from 'survey-core';
import { registerSurveyProperties } from '../surveys/properties';
import type { Json } from '../surveys/types';
import { pagesOf, questionsOf } from '../surveys/walk';

/**
 * The steps a respondent walks through: each question, finish; a child is also asked who is
 * helping them, just after the survey's welcome.
 */
export const HELPED = '@helped';
export const FINISH = '@finish';

export interface StepList {
	/** Step ids in order: HELPED, question names, FINISH. */
	steps: string[];
	/** Question names that count in "Question n of m" (information pages do not). */
	numbered: string[];
}

// Building a survey-core model takes tens of milliseconds, so one is kept per definition and given
// each request's answers in turn. This is safe because it is used synchronously: no request can
// see another's answers.
const models = new WeakMap<Json, Model>();

function modelFor(definition: Json): Model {
	let model = models.get(definition);
	if (!model) {
		registerSurveyProperties();
		model = new Model(definition);
		models.set(definition, model);
	}
	return model;
}

/** Whether any page or question shows or hides itself by a condition. */
const conditional = new WeakMap<Json, boolean>();
function hasConditions(definition: Json): boolean {
	let known = conditional.get(definition);
	if (known === undefined) {
		known = [...pagesOf(definition), ...questionsOf(definition)].some(
			(e) => 'visibleIf' in e || e.visible === false
		);
		conditional.set(definition, known);
	}
	return known;
}

function visibleQuestions(definition: Json, answers: Record<string, unknown>) {
	// Without conditions every question is always shown: no need to ask survey-core.
	if (!hasConditions(definition)) {
		return questionsOf(definition).map((q) => ({ name: String(q.name), type: String(q.type) }));
	}
	const model = modelFor(definition);
	model.data = answers;
	return model
		.getAllQuestions(false)
		.filter((q) => q.isVisible && q.isParentVisible)
		.map((q) => ({ name: q.name, type: q.getType() }));
}

export interface StepOptions {
	/** Who helped is known already (staff handed their device over), so it is not asked. */
	whoHelpedKnown?: boolean;
}

/**
 * The visible steps given the answers so far. `visibleIf` is evaluated by survey-core on the
 * server, exactly as SurveyJS would in a browser. A child is asked who is helping them once the
 * welcome has said what the survey is (first, when it opens with a question), never before.
 */
export function stepsFor(
	definition: Json,
	answers: Record<string, unknown>,
	{ whoHelpedKnown = false }: StepOptions = {}
): StepList {
	const visible = visibleQuestions(definition, answers);
	const names = visible.map((q) => q.name);
	if (definition.respondent === 'child' && !whoHelpedKnown)
		names.splice(visible[0]?.type === 'html' ? 1 : 0, 0, HELPED);
	return {
		steps: [...names, FINISH],
		numbered: visible.filter((q) => q.type !== 'html').map((q) => q.name)
	};
}

export function nextStep(list: StepList, current: string): string {
	const i = list.steps.indexOf(current);
	return list.steps[i + 1] ?? FINISH;
}

export function previousStep(list: StepList, current: string): string | null {
	const i = list.steps.indexOf(current);
	return i > 0 ? (list.steps[i - 1] ?? null) : null;
}
