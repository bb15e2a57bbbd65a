import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import dictionary from './dictionary.json';
import { loadSymbolSet } from './index';

const council = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>`;

describe('the symbol set', () => {
	it('draws every dictionary concept as inline SVG hidden from screen readers', () => {
		const set = loadSymbolSet();
		expect(set.problems).toEqual([]);
		expect(set.names()).toEqual(Object.keys(dictionary).sort());
		for (const name of set.names()) {
			expect(set.svg(name)).toMatch(/^<svg aria-hidden="true" focusable="false" class="symbol"/);
		}
		expect(set.has('unicorn-rainbow')).toBe(false);
		expect(set.svg('unicorn-rainbow')).toBe('');
	});

	it("lets a council's own files replace and add symbols by name", () => {
		const dir = mkdtempSync(join(tmpdir(), 'symbols-'));
		writeFileSync(join(dir, 'safe.svg'), `<?xml version="1.0"?>\n${council}`);
		writeFileSync(join(dir, 'respite-bus.svg'), council);
		const set = loadSymbolSet(dir);
		expect(set.problems).toEqual([]);
		expect(set.svg('safe')).toContain('<circle');
		expect(set.svg('safe')).not.toContain('<?xml');
		expect(set.has('respite-bus')).toBe(true);
		expect(set.svg('fun')).toBe(loadSymbolSet().svg('fun'));
	});

	it('refuses council files that could run script or are not SVG, naming the file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'symbols-'));
		writeFileSync(join(dir, 'safe.svg'), council.replace('<circle', '<circle onload="alert(1)"'));
		writeFileSync(
			join(dir, 'fun.svg'),
			council.replace('</svg>', '<script>alert(1)</script></svg>')
		);
		writeFileSync(
			join(dir, 'help.svg'),
			council.replace('<circle', '<image href="https://x.example/a.png"/><circle')
		);
		writeFileSync(join(dir, 'yes.svg'), 'GIF89a');
		const set = loadSymbolSet(dir);
		expect(set.problems.map((p) => p.file.split('/').pop()).sort()).toEqual([
			'fun.svg',
			'help.svg',
			'safe.svg',
			'yes.svg'
		]);
		expect(set.svg('safe')).not.toContain('onload');
		expect(set.svg('fun')).not.toContain('<script');
	});
});
