// The JSON Schema a council's code editor checks a survey file with: survey-core's own
// (`Serializer.generateSchema()`, with our properties registered) made to say what the app
// accepts. survey-core writes every custom property as a string and lets an element be any of
// its classes, so on its own it passes nearly anything; these changes make it catch what
// `npm run surveys:check` would refuse in a property's shape, though not everything the check does.
import type { VoicesVocabulary } from './properties';

type Schema = Record<string, unknown>;

const answerValue = { type: ['string', 'number', 'boolean'] };
const answerList = (description: string) => ({
	description,
	type: 'array',
	items: answerValue,
	uniqueItems: true
});

const describeChoices = (description: string, values: string[]) => ({
	description,
	type: 'string',
	enum: values
});

function definition(schema: Schema, id: string): Schema {
	const defs = schema.definitions as Record<string, Schema>;
	const found = defs[id];
	if (!found) throw new Error(`survey-core's schema has no definition of ${id}`);
	return found;
}

/** The `properties` a definition lists itself (beside the `$ref` of the class it extends). */
function ownProperties(def: Schema): Record<string, Schema> {
	if (def.properties) return def.properties as Record<string, Schema>;
	const own = (def.allOf as Schema[] | undefined)?.find((part) => part.properties);
	if (!own) throw new Error(`no properties in the definition ${String(def.$id)}`);
	return own.properties as Record<string, Schema>;
}

/**
 * `generated` is `Serializer.generateSchema()` after `registerVoicesProperties`; `questionTypes`
 * are the element types the app renders. Returns a new schema.
 */
export function voicesSchema(
	generated: Schema,
	v: VoicesVocabulary,
	questionTypes: string[]
): Schema {
	const schema = structuredClone(generated);
	schema.title = 'A Voices survey: SurveyJS JSON with the properties Voices reads';
	schema.$comment =
		"Written by `npm run surveyjs:publish` from survey-core's Serializer.generateSchema(); do not edit.";

	const survey = schema.properties as Record<string, Schema>;
	survey.variant = describeChoices(
		'Which version of the survey this is',
		v.variants.map((c) => c.value)
	);
	survey.respondent = describeChoices(
		'Who answers it',
		v.respondents.map((c) => c.value)
	);
	survey.languages = {
		description: 'Locales every text has besides English',
		type: 'array',
		items: { type: 'string', enum: v.locales.map((c) => c.value) },
		uniqueItems: true
	};
	survey.translationReview = {
		description: 'Per locale, the review state of its translations',
		type: 'object',
		additionalProperties: { type: 'string' }
	};
	schema.required = ['variant', 'respondent', 'languages', 'symbol', 'title'];

	const question = ownProperties(definition(schema, 'question'));
	question.measure = describeChoices(
		'The measure this question feeds',
		v.measures.map((c) => c.value)
	);
	question.positiveAnswers = answerList('Answer values that count as positive for the measure');
	question.notCountedAnswers = answerList('Answer values left out of the measure');
	question.safeguardingAnswers = answerList('Answer values that raise a safeguarding alert');

	// survey-core types these as strings, but a choice's value is often a number, and
	// `model.toJSON()` writes `autoGenerate: false`.
	ownProperties(definition(schema, 'itemvalue')).value = answerValue;
	ownProperties(definition(schema, 'rating')).autoGenerate = { type: 'boolean' };

	// Every text may be translated into the survey's locales.
	const locstring = ownProperties(definition(schema, 'locstring'));
	for (const c of v.locales) locstring[c.value] = { type: 'string', description: c.text };

	// An element is the one class its `type` names, and one the app renders: not whichever of
	// survey-core's classes it happens to fit.
	const element = {
		type: 'object',
		required: ['type', 'name'],
		properties: { type: { enum: questionTypes } },
		allOf: questionTypes.map((t) => ({
			if: { properties: { type: { const: t } } },
			then: { $ref: t }
		}))
	};
	const elements = { type: 'array', items: element };
	survey.elements = elements;
	survey.questions = elements;
	const panel = ownProperties(definition(schema, 'panelbase'));
	panel.elements = elements;
	panel.questions = elements;
	return schema;
}
