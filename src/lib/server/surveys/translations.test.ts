import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every translated text of a definition: `locale: text` for each object with an English default. */
function translated(value: unknown, out: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) translated(v, out);
	else if (typeof value === 'object' && value !== null) {
		const texts = value as Record<string, unknown>;
		if (typeof texts.default === 'string')
			for (const [locale, text] of Object.entries(texts))
				if (locale !== 'default' && typeof text === 'string') out.push(`${locale}: ${text}`);
		for (const v of Object.values(texts)) translated(v, out);
	}
	return out;
}

describe('the shipped surveys’ translations', () => {
	it.each(readdirSync('surveys').filter((f) => f.endsWith('.json')))(
		'%s: no Polish or Urdu text keeps the English "short breaks" beside its own words',
		(file) => {
			const texts = translated(JSON.parse(readFileSync(`surveys/${file}`, 'utf8')));
			expect(texts.filter((t) => /short breaks?/i.test(t))).toEqual([]);
		}
	);
});
