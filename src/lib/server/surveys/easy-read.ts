import { QUESTION_TEXTS, englishText } from './translations';
import type { Json } from './types';
import { choicesOf } from './walk';

/** Easy Read: one idea per sentence, at most 15 words a sentence (children's surveys). */
export const MAX_WORDS = 15;

function longSentences(text: string): string[] {
	return text
		.replace(/<[^>]+>/g, ' ')
		.split(/(?<=[.!?])\s+|\n+/)
		.map((s) => s.trim())
		.filter((s) => s.split(/\s+/).filter(Boolean).length > MAX_WORDS);
}

/** The English sentences of an element (and its choices) that are too long for Easy Read. */
export function easyReadProblems(owner: Json, keys: string[] = QUESTION_TEXTS): string[] {
	const texts = keys.map((k) => englishText(owner[k]));
	texts.push(...choicesOf(owner).map((c) => englishText(c.text)));
	return texts
		.flatMap(longSentences)
		.map((s) => `Easy Read: a sentence has more than ${MAX_WORDS} words: "${s}"`);
}
