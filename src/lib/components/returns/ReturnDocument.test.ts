import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { Assembled } from '$lib/server/returns/assemble';
import ReturnDocument from './ReturnDocument.svelte';

const assembled = {
	kind: 'quarterly',
	periodKey: '2026-Q3',
	periodLabel: 'Q3 2026–27',
	start: '2026-10-01',
	end: '2026-12-31',
	councilName: 'Test Council',
	providerName: 'Test Provider',
	services: ['Club'],
	threshold: 5,
	assembledAt: '2027-01-04T09:00:00Z',
	comment: null,
	problems: [],
	sections: [
		{
			id: 'how_much',
			title: 'How much did we do?',
			items: [
				{
					id: 'rating',
					section: 'how_much',
					label: 'Ofsted or CQC rating',
					reportedIn: 'Quarterly provider return',
					noData: false,
					rows: [{ label: 'Annual inspection date', value: '2026-12-01' }],
					table: {
						columns: ['Reference', 'Service', 'Placement ended on', 'Why it broke down'],
						identityColumns: 1,
						rows: [{ cells: ['C-1', 'Club', '2026-11-05', 'Moved away'] }]
					}
				}
			]
		}
	]
} as unknown as Assembled;

describe('a provider return', () => {
	it('writes its dates out, never as YYYY-MM-DD', () => {
		const { body } = render(ReturnDocument, { props: { a: assembled } });
		expect(body).toContain('1 December 2026');
		expect(body).toContain('5 November 2026');
		// Only the text: a <time> keeps its machine-readable datetime.
		const text = body.replace(/<[^>]*>/g, ' ');
		expect(text.match(/\d{4}-\d{2}-\d{2}/g)).toBeNull();
	});
});
