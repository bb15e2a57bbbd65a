import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/lib/server/db/connect';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as serviceRepo from '../../src/lib/server/db/service';
import * as tally from '../../src/lib/server/db/tally';
import { councilFigures, type FigureRequest } from '../../src/lib/server/statistics/figures';
import { financialYear, quarter } from '../../src/lib/calendar/periods';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';
import { replies } from '../helpers/replies';

// Suppression wired to real tallies: a council of three providers, one with only three answers.
// Hiding that one alone would leak it (council total minus the other two), so the next smallest
// provider is hidden too; the council, a quarter and its year agree.

describe.each(databaseKinds)('suppressed figures on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let councilId: string;
	const providers: string[] = [];
	const services: string[] = [];

	const request = (o: Partial<FigureRequest> = {}): FigureRequest => ({
		councilId,
		period: quarter('2025-05-01'),
		modes: ['alone', 'helped', 'proxy', tally.NOT_ASKED],
		sources: ['annual_review', 'end_of_care_package', 'satisfaction_survey', 'family_review'],
		breakdown: 'none',
		threshold: 5,
		measureIds: ['safe.feel_safe'],
		...o
	});
	const at = (o: { provider?: string; service?: string; year?: boolean }) => ({
		measure_id: 'safe.feel_safe',
		provider_id: o.provider ?? null,
		service_id: o.service ?? null,
		period: o.year ? ('year' as const) : ('quarter' as const),
		period_start: '2025-04-01' // Q1 and the year both begin on 1 April
	});

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		const seeded = await seedOrganisation(db);
		const first = (await serviceRepo.find(db, seeded.serviceId))!;
		councilId = first.council_id;
		providers.push(first.provider_id);
		services.push(first.id);
		for (const name of ['Second', 'Third']) {
			const p = await providerRepo.insert(db, { name, regulator_reference: null });
			await providerRepo.commission(db, councilId, p.id, '2025-04-01');
			providers.push(p.id);
			services.push(
				(
					await serviceRepo.insert(db, {
						provider_id: p.id,
						council_id: councilId,
						name: `${name} club`,
						kind: 'short_break'
					})
				).id
			);
		}
		const v = seeded.versionId;
		await replies(db, v, services[0]!, 3, { positive: 1 }); // 3 answers: hidden
		await replies(db, v, services[1]!, 12, { positive: 9 }); // next smallest: hidden too
		await replies(db, v, services[2]!, 20, { positive: 15 });
		await replies(db, v, services[2]!, 2, { positive: 2, mode: 'proxy' });
	});
	afterAll(async () => database?.drop());

	it('hides the small provider and the next smallest, so the total gives neither away', async () => {
		const f = await councilFigures(db, request());
		const provider = (i: number) => f.get(at({ provider: providers[i] }))!;
		expect(provider(0)).toMatchObject({ suppressed: true, positive: 1, negative: 2 });
		expect(provider(1)).toMatchObject({ suppressed: true, positive: 9, negative: 3 });
		expect(provider(2)).toMatchObject({ suppressed: false, positive: 17, negative: 5 });
		expect(f.get(at({}))).toMatchObject({ suppressed: false, positive: 27, negative: 10 });
		// A service that is its provider's only one is hidden with it, in the quarter and the year.
		expect(f.get(at({ provider: providers[1], service: services[1] }))?.suppressed).toBe(true);
		const year = await councilFigures(db, request({ period: financialYear('2025-05-01') }));
		expect(year.get(at({ provider: providers[1], year: true }))?.suppressed).toBe(true);
		expect(year.get(at({ provider: providers[2], year: true }))?.suppressed).toBe(false);
	});

	it('hides the same figures whatever the page breaks them down by', async () => {
		const plain = await councilFigures(db, request());
		for (const breakdown of [
			'provider',
			'service',
			'completion_mode',
			'age_band',
			'month'
		] as const) {
			const page = await councilFigures(db, request({ breakdown }));
			for (const i of [0, 1, 2]) {
				expect(page.get(at({ provider: providers[i] }))?.suppressed, breakdown).toBe(
					plain.get(at({ provider: providers[i] }))?.suppressed
				);
			}
		}
	});

	it('hides a figure when the answers a filter leaves out are few enough to work out', async () => {
		const f = await councilFigures(db, request({ modes: ['alone', 'helped', tally.NOT_ASKED] }));
		// Leaving out two proxy answers: the third provider's 20 would reveal them beside its 22.
		const third = f.get(at({ provider: providers[2] }))!;
		expect(third).toMatchObject({ positive: 15, negative: 5, excluded: 2, suppressed: true });
	});
});
