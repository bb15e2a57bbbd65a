import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, resources } from './index';

// Translations are code: every locale has every key, and every key is used somewhere.
type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ''): string[] =>
	Object.entries(tree).flatMap(([k, v]) =>
		typeof v === 'string' ? [`${prefix}${k}`] : keysOf(v, `${prefix}${k}.`)
	);

const sourceFiles = (dir: string): string[] =>
	readdirSync(dir).flatMap((f) => {
		const path = join(dir, f);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(svelte|ts)$/.test(f) && !f.endsWith('.test.ts') ? [path] : [];
	});

const english = keysOf(resources.en as Tree).sort();
const source = sourceFiles('src')
	.map((f) => readFileSync(f, 'utf8'))
	.join('\n');

describe('interface translations', () => {
	it.each(locales)('%s has exactly the English keys, none empty', (locale) => {
		const tree = resources[locale] as Tree;
		expect(keysOf(tree).sort()).toEqual(english);
		const empty = keysOf(tree).filter(
			(k) => !k.split('.').reduce<Tree | string>((t, p) => (t as Tree)[p]!, tree)
		);
		expect(empty).toEqual([]);
	});

	it('uses every key (literally, or through a `prefix.${…}` template)', () => {
		const templates = [...source.matchAll(/t\(`([a-zA-Z.]+)\.\$\{/g)].map((m) => `${m[1]}.`);
		const unused = english.filter(
			(k) => !source.includes(`'${k}'`) && !templates.some((prefix) => k.startsWith(prefix))
		);
		expect(unused).toEqual([]);
	});

	it('defines every key the source uses', () => {
		const used = [...source.matchAll(/\bt\('([a-zA-Z.]+)'/g)].map((m) => m[1]!);
		expect(used.length).toBeGreaterThan(10);
		expect(used.filter((k) => !english.includes(k))).toEqual([]);
	});
});
