// Voices' own properties on SurveyJS's classes, registered with survey-core's `Serializer` so that
// survey-core reads and writes them (unknown ones are reported as errors and dropped on saving)
// and Survey Creator's property grid edits them with real editors. The app calls this on the
// server; `npm run surveyjs:publish` ships it, with the app's lists, as
// static/surveyjs/voices-properties.js for a council's own Survey Creator page (docs/surveyjs.md).
//
// It imports nothing at run time, so it runs in a browser as it is: the Serializer and the lists
// are passed in. See https://surveyjs.io/form-library/documentation/customize-question-types/add-custom-properties-to-a-form
import type { IJsonPropertyInfo, JsonMetadata } from 'survey-core';

/** A value with the words an author reads for it. */
export interface Choice {
	value: string;
	text: string;
}

/** The lists the properties offer, from the app's own vocabulary, catalogue and dictionary. */
export interface VoicesVocabulary {
	variants: Choice[];
	respondents: Choice[];
	/** Locales a survey may add to English. */
	locales: Choice[];
	measures: Choice[];
	symbols: string[];
	/** The question types that may feed a measure. */
	measurableTypes: string[];
}

export const VOICES_CATEGORY = 'Voices';

/** An answer as survey-core holds it (an ItemValue, or what a boolean offers). */
interface Answer {
	value: unknown;
	text: string;
}

/** The parts of a survey-core question read here: it is untyped in a browser page anyway. */
interface QuestionLike {
	getType(): string;
	choices?: Answer[];
	rateValues?: Answer[];
	visibleRateValues?: Answer[];
	labelTrue?: string;
	labelFalse?: string;
	showDontKnowItem?: boolean;
	showRefuseItem?: boolean;
	dontKnowItem?: Answer;
	refuseItem?: Answer;
}

const answer = (item: Answer) => ({ value: item.value, text: item.text });

/** The answers a question offers, in order: what its answer lists may name. */
export function answersOf(question: QuestionLike, withBuiltIns = false) {
	const type = question.getType();
	let list: { value: unknown; text: string }[] = [];
	if (type === 'boolean') {
		list = [
			{ value: true, text: question.labelTrue ?? 'Yes' },
			{ value: false, text: question.labelFalse ?? 'No' }
		];
	} else if (type === 'rating') {
		const own = question.rateValues ?? [];
		list = (own.length ? own : (question.visibleRateValues ?? [])).map(answer);
	} else if (Array.isArray(question.choices)) {
		list = question.choices.map(answer);
	}
	if (withBuiltIns && question.showDontKnowItem && question.dontKnowItem) {
		list.push(answer(question.dontKnowItem));
	}
	if (withBuiltIns && question.showRefuseItem && question.refuseItem) {
		list.push(answer(question.refuseItem));
	}
	return list;
}

/**
 * Each property as `[class, settings]`, in the order the property grid shows them. None is marked
 * `isRequired`: survey-core would report a missing one beside the check's own, clearer message.
 */
export function voicesProperties(v: VoicesVocabulary): [string, IJsonPropertyInfo][] {
	const category = VOICES_CATEGORY;
	const symbol = (displayName: string): IJsonPropertyInfo => ({
		name: 'symbol',
		displayName,
		type: 'dropdown',
		category,
		choices: v.symbols
	});
	const measurable = (q: QuestionLike) => v.measurableTypes.includes(q.getType());
	const answerList = (
		name: string,
		displayName: string,
		builtIns: boolean,
		visibleIf: (q: QuestionLike) => boolean
	): IJsonPropertyInfo => ({
		name,
		displayName,
		type: 'multiplevalues',
		category,
		// Offered from the question's own answers (refreshed when they change: see ANSWER_SOURCES).
		choices: (q: QuestionLike | null) => (q ? answersOf(q, builtIns) : []),
		dependsOn: ['measure'],
		visibleIf
	});
	return [
		[
			'survey',
			{
				name: 'variant',
				displayName: 'Variant',
				type: 'dropdown',
				category,
				choices: v.variants
			}
		],
		[
			'survey',
			{
				name: 'respondent',
				displayName: 'Who answers',
				type: 'dropdown',
				category,
				choices: v.respondents
			}
		],
		[
			'survey',
			{
				name: 'languages',
				displayName: 'Languages besides English',
				type: 'multiplevalues',
				category,
				choices: v.locales
			}
		],
		// Per locale, the review state of its translations: kept, not edited in the grid.
		['survey', { name: 'translationReview', type: 'object', category, visible: false }],
		['survey', symbol('Symbol on the start and thank-you pages')],
		['question', symbol('Symbol')],
		['question', { name: 'audio', displayName: 'Recorded reading', category }],
		[
			'question',
			{
				name: 'measure',
				displayName: 'Measure it feeds',
				type: 'dropdown',
				category,
				choices: v.measures,
				visibleIf: measurable
			}
		],
		['question', answerList('positiveAnswers', 'Positive answers', false, measurable)],
		['question', answerList('notCountedAnswers', 'Answers not counted', false, measurable)],
		[
			'question',
			answerList(
				'safeguardingAnswers',
				'Answers that raise a safeguarding alert',
				true,
				(q) => answersOf(q).length > 0
			)
		],
		['boolean', { ...symbol('Symbol for the "yes" answer'), name: 'symbolTrue' }],
		['boolean', { ...symbol('Symbol for the "no" answer'), name: 'symbolFalse' }],
		['itemvalue', { ...symbol('Symbol'), locationInTable: 'both' }],
		[
			'itemvalue',
			{ name: 'audio', displayName: 'Recorded reading', category, locationInTable: 'detail' }
		]
	];
}

const ANSWER_LISTS = ['positiveAnswers', 'notCountedAnswers', 'safeguardingAnswers'];

// The properties an answer list is drawn from. They live on subclasses of `question`, where the
// lists are registered, so `dependsOn` cannot name them: each is told of the lists instead.
const ANSWER_SOURCES: [string, string][] = [
	['selectbase', 'choices'],
	['selectbase', 'showDontKnowItem'],
	['selectbase', 'showRefuseItem'],
	['rating', 'rateValues'],
	['boolean', 'labelTrue'],
	['boolean', 'labelFalse']
];

/**
 * Registers the properties with `serializer` (survey-core's `Serializer`). Calling it again
 * replaces them, so a page may register with lists of its own.
 */
export function registerVoicesProperties(serializer: JsonMetadata, v: VoicesVocabulary): void {
	for (const [className, info] of voicesProperties(v)) {
		if (serializer.findProperty(className, info.name)?.isCustom) {
			serializer.removeProperty(className, info.name);
		}
		serializer.addProperty(className, info);
	}
	for (const [className, name] of ANSWER_SOURCES) {
		const source = serializer.findProperty(className, name);
		for (const list of ANSWER_LISTS) source?.addDependedProperty(list);
	}
}
