import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { getIconData, iconToSVG, replaceIDs } from '@iconify/utils';
import type { IconifyJSON } from '@iconify/types';
import dictionary from './dictionary.json';

/** Fluent Emoji Flat is MIT-licensed: the notice travels with every page that shows a symbol. */
export const ATTRIBUTION = {
	name: 'Fluent Emoji Flat',
	author: 'Microsoft Corporation',
	licence: 'MIT',
	url: 'https://github.com/microsoft/fluentui-emoji'
};

export interface SymbolProblem {
	file: string;
	message: string;
}

export interface SymbolSet {
	has(name: string): boolean;
	/** Inline SVG, hidden from assistive technology: the text beside it carries the meaning. */
	svg(name: string): string;
	names(): string[];
	problems: SymbolProblem[];
}

// Council symbol files are inlined into pages, so anything that could run script is refused.
const UNSAFE_SVG =
	/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["']?(?!#)/i;

function loadIconSet(): IconifyJSON {
	const path = createRequire(import.meta.url).resolve('@iconify-json/fluent-emoji-flat/icons.json');
	return JSON.parse(readFileSync(path, 'utf8')) as IconifyJSON;
}

function readOverrides(dir: string | undefined, problems: SymbolProblem[]): Map<string, string> {
	const out = new Map<string, string>();
	if (!dir) return out;
	let files: string[];
	try {
		files = readdirSync(dir).filter((f) => f.endsWith('.svg'));
	} catch (e) {
		problems.push({ file: dir, message: `cannot read the symbol folder: ${(e as Error).message}` });
		return out;
	}
	for (const file of files) {
		const text = readFileSync(join(dir, file), 'utf8');
		if (!/^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/i.test(text)) {
			problems.push({ file: join(dir, file), message: 'not an SVG file' });
		} else if (UNSAFE_SVG.test(text)) {
			problems.push({
				file: join(dir, file),
				message: 'refused: it contains script, event handlers or external links'
			});
		} else {
			out.set(file.slice(0, -'.svg'.length), text.replace(/^\s*<\?xml[^>]*>\s*/i, ''));
		}
	}
	return out;
}

// Ids inside a symbol are renamed to unique ones so that two symbols on a page never share a
// gradient id.
function decorate(svg: string, name: string): string {
	return replaceIDs(
		svg.replace(
			/^<svg\b/i,
			`<svg aria-hidden="true" focusable="false" class="symbol" data-symbol="${name}"`
		)
	);
}

/**
 * The dictionary's concepts drawn from Fluent Emoji Flat, with a council's own `<name>.svg` files
 * (from `overrideDir`) replacing or adding symbols by name.
 */
export function loadSymbolSet(overrideDir?: string): SymbolSet {
	const problems: SymbolProblem[] = [];
	const icons = loadIconSet();
	const rendered = new Map<string, string>();
	for (const [name, icon] of Object.entries(dictionary as Record<string, string>)) {
		const data = getIconData(icons, icon);
		if (!data) {
			problems.push({ file: 'dictionary.json', message: `${name}: no icon '${icon}'` });
			continue;
		}
		const { attributes, body } = iconToSVG(data, { height: '1em' });
		const attrs = Object.entries(attributes)
			.map(([k, v]) => `${k}="${v}"`)
			.join(' ');
		rendered.set(name, `<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`);
	}
	for (const [name, svg] of readOverrides(overrideDir, problems)) rendered.set(name, svg);
	for (const [name, svg] of rendered) rendered.set(name, decorate(svg, name));
	return {
		problems,
		has: (name) => rendered.has(name),
		svg: (name) => rendered.get(name) ?? '',
		names: () => [...rendered.keys()].sort()
	};
}
