import type { Json } from './types';
import { elementsOf, isObject, pagesOf, readChoice } from './walk';

// Saving a survey that survey-core or Survey Creator has read (`model.toJSON()`, `creator.text`)
// writes the same survey in other words. This undoes each of them, so that a file opened and saved
// in an editor keeps its version: only a change survey-core would read differently makes a new
// one. The file itself is served as written; only its hash is taken from this form.

/** `{ "default": "x" }` and `"x"` are the same localisable string. */
function foldText(value: unknown): unknown {
	if (isObject(value)) {
		const keys = Object.keys(value);
		if (keys.length === 1 && keys[0] === 'default' && typeof value.default === 'string') {
			return value.default;
		}
	}
	return value;
}

/** Every choice as an object; a text equal to its value is no text (survey-core drops it). */
function normaliseChoice(raw: unknown): Json {
	const choice = normaliseObject(readChoice(raw));
	if (choice.text === String(choice.value)) delete choice.text;
	return choice;
}

function normaliseElement(element: Json): Json {
	const out = normaliseObject(element);
	delete out.questions;
	delete out.elements;
	const elements = elementsOf(element).filter(isObject).map(normaliseElement);
	if (elements.length > 0) out.elements = elements;
	for (const key of ['choices', 'rateValues']) {
		const list = element[key];
		if (Array.isArray(list) && list.length > 0) out[key] = list.map(normaliseChoice);
	}
	// A condition decides visibility: survey-core writes the `visible: false` it worked out when
	// the condition was false on loading.
	if (typeof out.visibleIf === 'string' && out.visibleIf && out.visible === false) {
		delete out.visible;
	}
	// A rating with its own values: survey-core writes the `autoGenerate` and `rateCount` those
	// values already imply.
	if (out.type === 'rating' && Array.isArray(out.rateValues)) {
		const count = out.rateValues.length;
		if (out.autoGenerate === (count === 0)) delete out.autoGenerate;
		if (count > 0 && out.rateCount === count) delete out.rateCount;
	}
	return out;
}

/** survey-core never writes an empty list: it reads the same as none. */
function normaliseObject(value: Json): Json {
	const out: Json = {};
	for (const [key, v] of Object.entries(value)) {
		const n = normaliseValue(v);
		if (!Array.isArray(n) || n.length > 0) out[key] = n;
	}
	return out;
}

function normaliseValue(value: unknown): unknown {
	const folded = foldText(value);
	if (Array.isArray(folded)) return folded.map(normaliseValue);
	if (isObject(folded)) return normaliseObject(folded);
	return folded;
}

/**
 * The definition in the words survey-core writes: pages always (`elements` or `questions` on the
 * survey become the one page survey-core makes of them), `elements` never `questions`, unnamed
 * pages named as survey-core names them, choices as objects, and nothing survey-core adds on
 * saving that the definition already implies.
 */
export function normaliseDefinition(definition: Json): Json {
	const out = normaliseObject(definition);
	delete out.elements;
	delete out.questions;
	const used = new Set<string>();
	const pages = pagesOf(definition).map((page) => {
		const p = normaliseElement(page);
		if (p.name === '') delete p.name;
		else if (p.name === undefined) {
			let n = 1;
			while (used.has(`page${n}`)) n++;
			p.name = `page${n}`;
		}
		if (typeof p.name === 'string') used.add(p.name);
		return p;
	});
	if (pages.length > 0) out.pages = pages;
	return out;
}
