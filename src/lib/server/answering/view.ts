import type { SymbolSet } from '../symbols';
import { textIn } from '../surveys/translations';
import { DONT_KNOW, REFUSED, type Json } from '../surveys/types';
import { choicesOf, questionsOf } from '../surveys/walk';

/** One answer a respondent can pick, ready for a page: the form value is always a string. */
export interface ChoiceView {
	value: string;
	text: string;
	symbol: string;
	audio: string | null;
}

/** A question as its page needs it: plain, serialisable, already in the respondent's language. */
export interface QuestionView {
	name: string;
	/** The language its texts are in: the respondent's, or English where the survey lacks it. */
	lang: string;
	type: string;
	title: string;
	description: string;
	html: string;
	symbol: string;
	audio: string | null;
	choices: ChoiceView[];
	/** Whether this type takes several answers (checkbox). */
	multiple: boolean;
	maxLength: number | null;
	/** rating: stars, smileys or labels (SurveyJS rateType). */
	rateType: string | null;
	required: boolean;
}

export const DEFAULT_MAX_LENGTH = { text: 200, comment: 2000 } as const;

/** Every answer a question offers, with its typed value, in the order shown. */
interface Option {
	value: unknown;
	text: unknown;
	symbol: unknown;
	audio?: unknown;
}

export function optionsOf(q: Json): Option[] {
	if (q.type === 'boolean') {
		return [
			{ value: true, text: q.labelTrue ?? 'Yes', symbol: q.symbolTrue },
			{ value: false, text: q.labelFalse ?? 'No', symbol: q.symbolFalse }
		];
	}
	const list: Option[] = choicesOf(q).map((c) => ({
		value: c.value,
		text: c.text ?? String(c.value),
		symbol: c.symbol,
		audio: c.audio
	}));
	if (q.showDontKnowItem)
		list.push({ value: DONT_KNOW, text: q.dontKnowText, symbol: 'dont-know', audio: undefined });
	if (q.showRefuseItem)
		list.push({ value: REFUSED, text: q.refuseText, symbol: 'rather-not', audio: undefined });
	return list;
}

export function findQuestion(definition: Json, name: string): Json | undefined {
	return questionsOf(definition).find((q) => q.name === name);
}

export function maxLengthOf(q: Json): number | null {
	if (q.type !== 'text' && q.type !== 'comment') return null;
	const own = typeof q.maxLength === 'number' && q.maxLength > 0 ? q.maxLength : Infinity;
	return Math.min(own, DEFAULT_MAX_LENGTH[q.type]);
}

export function questionView(
	q: Json,
	locale: string,
	symbols: Pick<SymbolSet, 'svg'>
): QuestionView {
	const str = (v: unknown) => (typeof v === 'string' ? v : null);
	return {
		name: String(q.name),
		lang: locale,
		type: String(q.type),
		title: textIn(q.title, locale) || String(q.name),
		description: textIn(q.description, locale),
		html: textIn(q.html, locale),
		symbol: symbols.svg(String(q.symbol)),
		audio: str(q.audio),
		choices: optionsOf(q).map((c) => ({
			value: String(c.value),
			text: textIn(c.text, locale),
			symbol: symbols.svg(String(c.symbol)),
			audio: str(c.audio)
		})),
		multiple: q.type === 'checkbox',
		maxLength: maxLengthOf(q),
		rateType: q.type === 'rating' ? (str(q.rateType) ?? 'labels') : null,
		required: q.isRequired === true
	};
}
