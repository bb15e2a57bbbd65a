// The files `npm run surveyjs:publish` writes for a council's SurveyJS tools (docs/surveyjs.md):
// the properties module with this version's lists, and the JSON Schema for code editors. A test
// compares them with the files in static/surveyjs/, so they cannot go stale.
import { readFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { Serializer } from 'survey-core';
import ts from 'typescript';
import { registerVoicesProperties } from '../lib/surveyjs/properties';
import { voicesSchema } from '../lib/surveyjs/schema';
import { voicesVocabulary } from '../lib/server/surveys/vocabulary';
import { QUESTION_TYPES } from '../lib/server/surveys/types';

export const PROPERTIES_FILE = 'static/surveyjs/voices-properties.js';
export const SCHEMA_FILE = 'static/surveyjs/voices.schema.json';
const SOURCE = 'src/lib/surveyjs/properties.ts';

const HEADER = `// Voices' own SurveyJS properties, for a council's Survey Creator page: see docs/surveyjs.md.
// Written by \`npm run surveyjs:publish\` from ${SOURCE} and the app's lists; do not edit.
`;

const FOOTER = (lists: string) => `
/** This version's lists: variants, respondents, locales, measures, symbols, measurable types. */
export const vocabulary = ${lists};

/**
 * Registers Voices' properties with survey-core's \`Serializer\` (\`Survey.Serializer\` on a page
 * that loads survey-core as a script), offering \`lists\` (by default this version's).
 */
export function register(serializer, lists = vocabulary) {
	registerVoicesProperties(serializer, lists);
}
`;

async function pretty(text: string, file: string): Promise<string> {
	const options = await resolveConfig(file);
	return format(text, { ...options, filepath: file });
}

/** The module as a browser loads it: the TypeScript source without its types. */
function propertiesModule(): string {
	const { outputText } = ts.transpileModule(readFileSync(SOURCE, 'utf8'), {
		compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext }
	});
	return HEADER + outputText + FOOTER(JSON.stringify(voicesVocabulary()));
}

/**
 * survey-core's schema of every class, our properties registered. The registration is the one the
 * server makes, with the same lists.
 */
function schemaFile(): string {
	registerVoicesProperties(Serializer, voicesVocabulary());
	const schema = voicesSchema(Serializer.generateSchema(), voicesVocabulary(), QUESTION_TYPES);
	return JSON.stringify(schema);
}

/** Each published file's path and contents. */
export async function publishedFiles(): Promise<{ path: string; text: string }[]> {
	return [
		{ path: PROPERTIES_FILE, text: await pretty(propertiesModule(), PROPERTIES_FILE) },
		{ path: SCHEMA_FILE, text: await pretty(schemaFile(), SCHEMA_FILE) }
	];
}
