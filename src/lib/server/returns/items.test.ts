import { describe, expect, it } from 'vitest';
import { RETURN_KIND_IDS } from '../../domain/return-kinds';
import { measureIds } from '../catalogue/measures';
import { buildItem } from './builders';
import { emptyEntered } from './entry';
import type { ItemInputs } from './item-figures';
import { ITEMS, itemsFor } from './items';

describe('the register of return items', () => {
	it('gives every item an id of its own', () => {
		expect(new Set(ITEMS.map((i) => i.id)).size).toBe(ITEMS.length);
	});

	it('takes survey figures only from measures the catalogue has', () => {
		for (const i of ITEMS) if ('measureId' in i) expect(measureIds).toContain(i.measureId);
	});

	it('puts the Break Time items on the monthly claim form and every item on the others', () => {
		expect(itemsFor('monthly').map((i) => i.id)).toEqual([
			'children_hours',
			'sessions_attended',
			'activity_types'
		]);
		expect(itemsFor('quarterly')).toEqual(ITEMS);
		expect(itemsFor('annual')).toEqual(ITEMS);
	});

	it.each(RETURN_KIND_IDS)(
		'builds every item of a %s return, as "No data" when nothing was recorded',
		(kind) => {
			const inputs: ItemInputs = {
				kind,
				entered: emptyEntered(kind),
				recorded: { children: [], types: [], brokenDown: [], reports: [] },
				figure: () => undefined
			};
			for (const item of itemsFor(kind))
				expect(buildItem(item.id, item, inputs), item.id).toMatchObject({ noData: true });
		}
	);
});
