import type { Json } from './types';

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every element of a definition, in order, through pages and panels. */
export function questionsOf(definition: Json): Json[] {
	const out: Json[] = [];
	const visit = (elements: unknown) => {
		if (!Array.isArray(elements)) return;
		for (const el of elements) {
			if (!isObject(el)) continue;
			out.push(el);
			visit(el.elements);
		}
	};
	if (Array.isArray(definition.pages)) {
		for (const page of definition.pages) if (isObject(page)) visit(page.elements);
	}
	visit(definition.elements);
	return out;
}

/** The choices (or rating values) of a question, as objects; plain strings become `{ value }`. */
export function choicesOf(q: Json): Json[] {
	const raw = q.type === 'rating' ? q.rateValues : q.choices;
	if (!Array.isArray(raw)) return [];
	return raw.map((c) => (isObject(c) ? c : { value: c }));
}

/** The values a question can take (booleans: true and false). */
export function valuesOf(q: Json): unknown[] {
	if (q.type === 'boolean') return [true, false];
	return choicesOf(q).map((c) => c.value);
}

export { isObject };
