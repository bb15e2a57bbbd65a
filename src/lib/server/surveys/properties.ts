import { Serializer } from 'survey-core';
import { registerVoicesProperties } from '../../surveyjs/properties';
import { voicesVocabulary } from './vocabulary';

// Our own metadata, registered with survey-core so that the model reads it instead of reporting
// it as unknown, and writes it back on saving. The same module is published for Survey Creator
// (docs/surveyjs.md). See surveys/README.md.
let registered = false;

export function registerSurveyProperties(): void {
	if (registered) return;
	registered = true;
	registerVoicesProperties(Serializer, voicesVocabulary());
}
