import { readdirSync, readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { contentHash } from './hash';
import { normaliseDefinition } from './normalise';
import type { Json } from './types';

const hash = (def: Json) => contentHash(normaliseDefinition(def));
const rating = (rest: Json) => ({ type: 'rating', name: 'r', ...rest });
const onePage = (...elements: Json[]) => ({ pages: [{ name: 'p', elements }] });

describe('normaliseDefinition', () => {
	it('leaves every shipped survey as it is, so their versions stay the same', () => {
		for (const file of readdirSync('surveys').filter((f) => f.endsWith('.json'))) {
			const def = JSON.parse(readFileSync(`surveys/${file}`, 'utf8')) as Json;
			expect(normaliseDefinition(def), file).toEqual(def);
		}
	});

	// Each pair: a definition, and the same survey as survey-core or Survey Creator writes it.
	const same: [string, Json, Json][] = [
		[
			'a localisable string with English only',
			{ title: { default: 'Hello' }, pages: [{ name: 'p', title: { default: 'Page' } }] },
			{ title: 'Hello', pages: [{ name: 'p', title: 'Page' }] }
		],
		[
			'visible: false written for a condition that was false on loading',
			onePage({ type: 'text', name: 't', visibleIf: '{a} = 1' }),
			onePage({ type: 'text', name: 't', visibleIf: '{a} = 1', visible: false })
		],
		[
			'autoGenerate and rateCount implied by explicit rateValues',
			onePage(rating({ rateValues: [1, 2, 3] })),
			onePage(rating({ rateValues: [1, 2, 3], autoGenerate: false, rateCount: 3 }))
		],
		[
			'questions on the survey, and the page survey-core makes of them',
			{ questions: [{ type: 'text', name: 't' }] },
			{ pages: [{ name: 'page1', elements: [{ type: 'text', name: 't' }] }] }
		],
		[
			'questions on a panel',
			onePage({ type: 'panel', name: 'x', questions: [{ type: 'text', name: 't' }] }),
			onePage({ type: 'panel', name: 'x', elements: [{ type: 'text', name: 't' }] })
		],
		[
			'unnamed pages, named as survey-core names them',
			{ pages: [{ name: 'page2', elements: [] }, { elements: [{ type: 'text', name: 't' }] }] },
			{ pages: [{ name: 'page2' }, { name: 'page1', elements: [{ type: 'text', name: 't' }] }] }
		],
		[
			'choices as shorthand, plain values and objects',
			onePage({
				type: 'radiogroup',
				name: 'c',
				choices: ['yes|Yes', 'no', { value: 2, text: '2' }]
			}),
			onePage({ type: 'radiogroup', name: 'c', choices: [{ value: 'yes', text: 'Yes' }, 'no', 2] })
		],
		[
			'an empty list, which survey-core does not write',
			onePage({ type: 'text', name: 't', notCountedAnswers: [] }),
			onePage({ type: 'text', name: 't' })
		]
	];

	it.each(same)('keeps the version: %s', (_, written, saved) => {
		// survey-core itself reads the two the same.
		expect(new Model(saved).toJSON()).toEqual(new Model(written).toJSON());
		expect(hash(saved)).toBe(hash(written));
		expect(normaliseDefinition(normaliseDefinition(written))).toEqual(normaliseDefinition(written));
	});

	const different: [string, Json, Json][] = [
		[
			'another positive answer',
			onePage({ type: 'radiogroup', name: 'c', positiveAnswers: ['yes'] }),
			onePage({ type: 'radiogroup', name: 'c', positiveAnswers: ['yes', 'no'] })
		],
		[
			'choices in another order',
			onePage({ type: 'radiogroup', name: 'c', choices: ['a', 'b'] }),
			onePage({ type: 'radiogroup', name: 'c', choices: ['b', 'a'] })
		],
		[
			'a hidden question without a condition',
			onePage({ type: 'text', name: 't' }),
			onePage({ type: 'text', name: 't', visible: false })
		],
		[
			'a rating that generates its values instead',
			onePage(rating({ rateValues: [1, 2, 3] })),
			onePage(rating({ rateValues: [1, 2, 3], autoGenerate: true }))
		],
		[
			'a translation added',
			{ title: { default: 'Hello' } },
			{ title: { default: 'Hello', pl: 'Cześć' } }
		]
	];

	it.each(different)('makes a new version: %s', (_, before, after) => {
		expect(hash(after)).not.toBe(hash(before));
	});
});
