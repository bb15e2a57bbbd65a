import { describe, expect, it } from 'vitest';
import { eraseFromRevision } from './erasure';

const REMOVED = '[removed]';
const child = { childId: 'c1', mentions: (t: string) => /\bAda\b/i.test(t), removed: REMOVED };

const table = (rows: { childId: string; cells: (string | number | null)[] }[]) => ({
	columns: ['Reference', 'Service', 'Placement ended on', 'Why it broke down'],
	identityColumns: 1,
	rows
});
const revision = {
	entered: { incidents_summary: 'Ada hit a peer', referrals_received: '3', comment: '' },
	assembled: {
		comment: null,
		sections: [
			{
				id: 'how_much',
				title: 'How much did we do?',
				items: [
					{
						id: 'explanations',
						rows: [{ label: 'Referrals that did not lead to a service', value: 'None' }],
						table: table([
							{ childId: 'c1', cells: [null, 'Club', '2026-05-20', 'Needs changed'] },
							{ childId: 'c2', cells: [null, 'Club', '2026-05-21', 'Moved away'] }
						])
					},
					{ id: 'activity_types', rows: [{ label: "Ada's party", value: 2 }] }
				]
			}
		]
	},
	comment: 'Check Ada’s hours'
};

describe('eraseFromRevision', () => {
	it('removes the child’s typed texts and every mention, and keeps ids, facts and numbers', () => {
		const { texts, changed } = eraseFromRevision(revision, child);
		expect(changed).toBe(true);
		expect(texts.entered).toEqual({ ...revision.entered, incidents_summary: REMOVED });
		expect(texts.comment).toBe(REMOVED);
		const [explanations, activities] = (texts.assembled as typeof revision.assembled).sections[0]!
			.items;
		expect(explanations!.table!.rows).toEqual([
			{ childId: 'c1', cells: [null, 'Club', '2026-05-20', REMOVED] },
			{ childId: 'c2', cells: [null, 'Club', '2026-05-21', 'Moved away'] }
		]);
		expect(explanations!.rows).toEqual(revision.assembled.sections[0]!.items[0]!.rows);
		expect(activities!.rows).toEqual([{ label: REMOVED, value: 2 }]);
	});

	it('changes nothing in a revision that does not name the child', () => {
		const other = { ...child, childId: 'c9', mentions: () => false };
		const plain = { ...revision, entered: {}, comment: null };
		expect(eraseFromRevision(plain, other)).toEqual({ texts: plain, changed: false });
	});
});
