import type { Json } from './types';

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

// survey-core reads a list given as one object as a list of that object (and reports it).
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * The elements a page or panel holds, as survey-core reads them: `questions` is SurveyJS's older
 * name for `elements`. Given both, survey-core applies the keys in the file's order, so the later
 * one wins, except that an empty list never replaces a filled one.
 */
export function elementsOf(container: Json): unknown[] {
	let out: unknown[] = [];
	for (const [key, value] of Object.entries(container)) {
		if ((key !== 'elements' && key !== 'questions') || value === null || value === undefined)
			continue;
		const list = asList(value);
		if (list.length > 0) out = list;
	}
	return out;
}

/**
 * The pages of a definition, as survey-core reads them. `elements` or `questions` on the survey
 * itself replace every page read so far with one page holding them (even an empty one); `pages`
 * read later replace that page again, when the list is not empty.
 */
export function pagesOf(definition: Json): Json[] {
	let out: unknown[] = [];
	for (const [key, value] of Object.entries(definition)) {
		if (value === null || value === undefined) continue;
		if (key === 'pages') {
			const list = asList(value);
			if (list.length > 0) out = list;
		} else if (key === 'elements' || key === 'questions') {
			out = [{ elements: value }];
		}
	}
	return out.filter(isObject);
}

/** Every element of a definition, in order, through pages and panels. */
export function questionsOf(definition: Json): Json[] {
	const out: Json[] = [];
	const visit = (elements: unknown[]) => {
		for (const el of elements) {
			if (!isObject(el)) continue;
			out.push(el);
			visit(elementsOf(el));
		}
	};
	for (const page of pagesOf(definition)) visit(elementsOf(page));
	return out;
}

/**
 * One choice as survey-core reads it. A plain value is `{ value }`; a string `"value|text"` (the
 * item separator, also inside an object's `value`) splits at its first `|`, the text read in the
 * file's key order with any `text` key; an object with only `text` takes it as its value too.
 */
export function readChoice(raw: unknown): Json {
	const item: Json = isObject(raw) ? { ...raw } : { value: raw };
	if (isObject(raw) && !('value' in raw) && 'text' in raw && Object.keys(raw).length === 1) {
		item.value = raw.text;
	}
	const v = item.value;
	if (v === null || v === undefined || v === '' || typeof v === 'object') return item;
	const str = String(v);
	const at = str.indexOf('|');
	if (at < 0) return item;
	const text = str.slice(at + 1);
	const keys = Object.keys(item);
	// The text that comes later in the file wins; a bare string has no `text` key of its own.
	const textFirst = keys.includes('text') && keys.indexOf('text') < keys.indexOf('value');
	item.value = str.slice(0, at);
	if (text && (!('text' in item) || textFirst)) item.text = text;
	return item;
}

/** The choices (or rating values) of a question, as objects, read as survey-core reads them. */
export function choicesOf(q: Json): Json[] {
	const raw = q.type === 'rating' ? q.rateValues : q.choices;
	if (!Array.isArray(raw)) return [];
	return raw.filter((c) => c !== null && c !== undefined).map(readChoice);
}

/** The values a question can take (booleans: true and false). */
export function valuesOf(q: Json): unknown[] {
	if (q.type === 'boolean') return [true, false];
	return choicesOf(q).map((c) => c.value);
}

export { isObject };
