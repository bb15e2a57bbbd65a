import { LANGUAGE_VALUES } from '../../domain/languages';
import { resources, translator } from '../../i18n';
import { htmlBlocks, htmlText } from '../../speech/blocks';
import { createHash } from 'node:crypto';
import { KEY_HEX_DIGITS, keySource } from '../../speech/key';
import { CHILDLINE_NUMBER } from '../../speech/phrases';
import type { SpeechText } from '../db/speech';
import { surveyLocale } from '../answering/page';
import { DEFAULT_MAX_LENGTH, maxLengthOf, questionView } from '../answering/view';
import { textIn } from '../surveys/translations';
import type { Json } from '../surveys/types';
import { questionsOf } from '../surveys/walk';

// Every text the children's pages can read aloud, so that the server knows which texts it may
// speak: a page names a text only by its key, and a key that is not registered here is refused.
// A respondent's own typed answer is never among them.

export interface Spoken {
	lang: string;
	text: string;
}

/** The interface texts read on the children's pages (keys, or prefixes ending in a dot). */
export const SPOKEN_INTERFACE = [
	'app.name',
	'answer.errorSummary',
	'answer.chooseAll',
	'answer.errors.',
	'code.title',
	'code.hint',
	'code.errors.',
	'helped.title',
	'helped.alone',
	'helped.helped',
	'helped.proxy',
	'finish.title',
	'finish.body',
	'thanks.title',
	'thanks.sent',
	'support.title',
	'support.adult',
	'support.now',
	'support.childline'
];

const NO_SYMBOLS = { svg: () => '' };

const blocksOf = (lang: string, html: string): Spoken[] =>
	htmlBlocks(html).map((b) => ({ lang, text: htmlText(b) }));

function leafKeys(tree: Json, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([k, v]) =>
		typeof v === 'string' ? [prefix + k] : leafKeys(v as Json, `${prefix}${k}.`)
	);
}

/** Every text a survey's pages can read, in each language its pages are shown in. */
export function surveyTexts(definition: Json): Spoken[] {
	const out: Spoken[] = [];
	for (const lang of new Set(LANGUAGE_VALUES.map((l) => surveyLocale(definition, l)))) {
		out.push({ lang, text: textIn(definition.title, lang) });
		out.push({ lang, text: textIn(definition.description, lang) });
		out.push(...blocksOf(lang, textIn(definition.completedHtml, lang)));
		for (const q of questionsOf(definition)) {
			const view = questionView(q, lang, NO_SYMBOLS);
			out.push({ lang, text: view.title }, { lang, text: view.description });
			out.push(...blocksOf(lang, view.html));
			out.push(...view.choices.map((c) => ({ lang, text: c.text })));
		}
	}
	return out;
}

/** The interface texts of the children's pages in every language, with each length limit. */
export function interfaceTexts(definitions: Json[]): Spoken[] {
	const limits = new Set<number>(Object.values(DEFAULT_MAX_LENGTH));
	for (const d of definitions)
		for (const q of questionsOf(d)) {
			const max = maxLengthOf(q);
			if (max !== null) limits.add(max);
		}
	return LANGUAGE_VALUES.flatMap((lang) => {
		const t = translator(lang);
		const keys = leafKeys(resources[lang] as Json).filter((k) =>
			SPOKEN_INTERFACE.some((s) => (s.endsWith('.') ? k.startsWith(s) : k === s))
		);
		return [
			...keys.map((k) => ({ lang, text: t(k, { detail: '' }) })),
			...[...limits].map((n) => ({ lang, text: t('answer.errors.tooLong', { detail: n }) })),
			{ lang, text: CHILDLINE_NUMBER }
		];
	});
}

/**
 * The rows of the speech cache for these texts: one per key, only where a server voice reads.
 * The same keys as the pages' `speechKey`, by Node's own SHA-256 (a start hashes every text).
 */
export function speechRows(texts: Spoken[]): SpeechText[] {
	const rows = new Map<string, SpeechText>();
	for (const { lang, text } of texts) {
		const s = keySource(lang, text);
		if (!s) continue;
		const key = createHash('sha256').update(s.source).digest('hex').slice(0, KEY_HEX_DIGITS);
		if (!rows.has(key)) rows.set(key, { key, voice: s.voice, text: s.spoken });
	}
	return [...rows.values()];
}
