import { isObject } from './walk';
import type { Json } from './types';

/** The localisable texts a survey, question or choice may carry (surveys/README.md). */
export const SURVEY_TEXTS = ['title', 'description', 'completedHtml'];
export const QUESTION_TEXTS = [
	'title',
	'description',
	'html',
	'labelTrue',
	'labelFalse',
	'dontKnowText',
	'refuseText',
	'placeholder'
];

/**
 * What is missing from one localisable text: an English `default` and every locale the survey
 * declares. A plain string counts as English only.
 */
export function missingLocales(value: unknown, locales: string[]): string[] {
	if (typeof value === 'string') return value.trim() ? locales : ['default', ...locales];
	if (!isObject(value)) return ['default', ...locales];
	const has = (l: string) => typeof value[l] === 'string' && (value[l] as string).trim() !== '';
	return ['default', ...locales].filter((l) => !has(l));
}

/** `"title" is missing pl, ur` for each text of `owner` (only texts that are present). */
export function translationProblems(owner: Json, keys: string[], locales: string[]): string[] {
	const out: string[] = [];
	for (const key of keys) {
		if (!Object.hasOwn(owner, key)) continue;
		const missing = missingLocales(owner[key], locales);
		if (missing.length) out.push(`missing translation of ${key}: ${missing.join(', ')}`);
	}
	return out;
}

/** The English text of a localisable string. */
export function englishText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (isObject(value) && typeof value.default === 'string') return value.default;
	return '';
}

/** The text of a localisable string in `locale`, falling back to English. */
export function textIn(value: unknown, locale: string): string {
	if (isObject(value) && typeof value[locale] === 'string') return value[locale] as string;
	return englishText(value);
}
