import { Serializer } from 'survey-core';

// Our own metadata, registered with survey-core so that it survives the model (and editors that
// use the same Serializer) instead of being reported as unknown. See surveys/README.md.
const surveyProperties = ['variant', 'respondent', 'symbol'];
const questionProperties = ['symbol', 'audio', 'measure'];
const questionArrays = ['positiveAnswers', 'notCountedAnswers', 'safeguardingAnswers'];

let registered = false;

export function registerSurveyProperties(): void {
	if (registered) return;
	registered = true;
	for (const name of surveyProperties) Serializer.addProperty('survey', { name });
	Serializer.addProperty('survey', { name: 'languages', isArray: true });
	Serializer.addProperty('survey', { name: 'translationReview', type: 'object' });
	for (const name of questionProperties) Serializer.addProperty('question', { name });
	for (const name of questionArrays) Serializer.addProperty('question', { name, isArray: true });
	Serializer.addProperty('boolean', { name: 'symbolTrue' });
	Serializer.addProperty('boolean', { name: 'symbolFalse' });
	Serializer.addProperty('itemvalue', { name: 'symbol' });
	Serializer.addProperty('itemvalue', { name: 'audio' });
}
