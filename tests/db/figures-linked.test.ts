import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALLIED_MODES } from '../../src/lib/domain/completion-modes';
import { SOURCE_VALUES } from '../../src/lib/domain/sources';
import { connect } from '../../src/lib/server/db/connect';
import type { DB } from '../../src/lib/server/db/connect';
import * as councilRepo from '../../src/lib/server/db/council';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as serviceRepo from '../../src/lib/server/db/service';
import * as tally from '../../src/lib/server/db/tally';
import {
	allCouncilsFigures,
	councilFigures,
	type FigureRequest
} from '../../src/lib/server/statistics/figures';
import { financialYear, month, quarter, range } from '../../src/lib/calendar/periods';
import { mainView } from '../../src/lib/server/dashboard/main-view';
import { readQuery } from '../../src/lib/server/dashboard/query';
import { type Scope } from '../../src/lib/server/access/dashboard';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';
import { replies } from '../helpers/replies';

// Figures other than the cube's own (filters, ranges of months, every council together) and the
// cube decided afresh when the counts change. Every count here is worked out by hand.

const Q1 = quarter('2025-05-01');

async function councilWith(
	db: DB,
	code: string,
	providers: number
): Promise<{ id: string; services: string[] }> {
	const c = await councilRepo.insert(db, { code, name: `${code} council` });
	const services: string[] = [];
	for (let i = 0; i < providers; i++) {
		const p = await providerRepo.insert(db, {
			name: `${code} provider ${i}`,
			regulator_reference: null
		});
		await providerRepo.commission(db, c.id, p.id, '2025-04-01');
		services.push(
			(
				await serviceRepo.insert(db, {
					provider_id: p.id,
					council_id: c.id,
					name: `${code} club ${i}`,
					kind: 'short_break'
				})
			).id
		);
	}
	return { id: c.id, services };
}

const request = (councilId: string, o: Partial<FigureRequest> = {}): FigureRequest => ({
	councilId,
	period: Q1,
	modes: TALLIED_MODES,
	sources: SOURCE_VALUES,
	breakdown: 'none',
	threshold: 5,
	measureIds: ['safe.feel_safe'],
	...o
});

const at = (
	o: {
		service?: string;
		provider?: string;
		period?: 'year' | 'quarter' | 'month' | 'range';
		start?: string;
	} = {}
) => ({
	measure_id: 'safe.feel_safe',
	provider_id: o.provider ?? null,
	service_id: o.service ?? null,
	period: o.period ?? ('quarter' as const),
	period_start: o.start ?? Q1.start
});

describe.each(databaseKinds)('figures beyond the cube on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let version: string;
	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		version = (await seedOrganisation(db)).versionId;
	});
	afterAll(async () => database?.drop());

	it('decides again when a response completes, whichever server completes it', async () => {
		const c = await councilWith(db, 'fresh', 2);
		const provider = async (i: number) => (await serviceRepo.find(db, c.services[i]!))!.provider_id;
		await replies(db, version, c.services[0]!, 3, { positive: 1 });
		await replies(db, version, c.services[1]!, 20, { positive: 10 });
		const before = await councilFigures(db, request(c.id));
		expect(before.get(at({ provider: await provider(0) }))?.suppressed).toBe(true);
		// Another app server: its own connection to the same database (PGlite has one).
		const other =
			kind === 'postgres'
				? await connect({ url: process.env.TEST_DATABASE_URL, schema: database.schema })
				: null;
		try {
			await replies(other?.db ?? db, version, c.services[0]!, 4, { positive: 2 });
		} finally {
			await other?.close();
		}
		const after = await councilFigures(db, request(c.id));
		expect(after.get(at({ provider: await provider(0) }))).toMatchObject({
			positive: 3,
			negative: 4,
			suppressed: false
		});
	});

	it('shows a filtered figure only when it adds up from shown figures', async () => {
		const c = await councilWith(db, 'filters', 3);
		const [small, large, third] = c.services as [string, string, string];
		await replies(db, version, small, 10, { positive: 5 });
		await replies(db, version, small, 2, { positive: 1, mode: 'proxy' });
		// The council's 18 proxy answers less the large provider's 10 would give the small one's 2
		// away beside the third's 6, so the third's 6 are hidden with them (and its other 10).
		await replies(db, version, third, 10, { positive: 5 });
		await replies(db, version, third, 6, { positive: 3, mode: 'proxy' });
		await replies(db, version, large, 10, { positive: 6 });
		await replies(db, version, large, 10, { positive: 4, mode: 'proxy' });
		await replies(db, version, large, 10, { positive: 7, source: 'satisfaction_survey' });
		const providerOf = async (s: string) => (await serviceRepo.find(db, s))!.provider_id;
		const alone = await councilFigures(
			db,
			request(c.id, { modes: ['alone', 'helped', tally.NOT_ASKED] })
		);
		// 12 − 2 proxy answers: the 10 "on their own" would give the hidden 2 away.
		expect(alone.get(at({ provider: await providerOf(small) }))).toMatchObject({
			positive: 5,
			negative: 5,
			suppressed: true
		});
		// 30 − 10 proxy: both parts are shown on the breakdown by way of answering already.
		expect(alone.get(at({ provider: await providerOf(large) }))).toMatchObject({
			positive: 13,
			negative: 7,
			suppressed: false
		});
		// Leaving out a way of answering and a source at once adds up only from their crossing.
		const both = await councilFigures(
			db,
			request(c.id, { modes: ['alone', 'helped', tally.NOT_ASKED], sources: ['annual_review'] })
		);
		expect(both.get(at({ provider: await providerOf(large) }))).toMatchObject({
			positive: 6,
			negative: 4,
			suppressed: true
		});
	});

	it('shows a range of months only when each of its months shows', async () => {
		const c = await councilWith(db, 'months', 2);
		await replies(db, version, c.services[0]!, 20, { positive: 10 });
		await replies(db, version, c.services[1]!, 20, { positive: 12 });
		const mayJune = range('2025-05-01', '2025-06-01');
		const first = await councilFigures(db, request(c.id, { period: mayJune }));
		expect(first.get(at({ period: 'range', start: '2025-05-01' }))).toMatchObject({
			positive: 22,
			suppressed: false
		});
		// Two answers in June: June is hidden, so May–June would give it away beside May.
		await replies(db, version, c.services[1]!, 2, { positive: 1, at: '2025-06-10T12:00:00Z' });
		const june = await councilFigures(db, request(c.id, { period: month('2025-06-01') }));
		expect(june.get(at({ period: 'month', start: '2025-06-01' }))?.suppressed).toBe(true);
		const second = await councilFigures(db, request(c.id, { period: mayJune }));
		expect(second.get(at({ period: 'range', start: '2025-05-01' }))).toMatchObject({
			positive: 23,
			suppressed: true
		});
	});

	it('shows every council together only when, month by month, the others are at least two and not few', async () => {
		const own = await councilWith(db, 'own', 1);
		await replies(db, version, own.services[0]!, 20, { positive: 10, at: '2025-08-15T12:00:00Z' });
		const Q2 = quarter('2025-08-01');
		const everyone = async (period = Q2) => {
			const r = request(own.id, { period });
			return (await allCouncilsFigures(db, r, [period])).get(
				at({ start: period.start, period: period.kind === 'year' ? 'year' : 'quarter' })
			);
		};
		// Only this council answered in Q2 (the others here answered in Q1): it would be its own.
		expect(await everyone()).toMatchObject({ positive: 10, negative: 10, suppressed: true });
		const second = await councilWith(db, 'second', 1);
		await replies(db, version, second.services[0]!, 8, { positive: 4, at: '2025-08-15T12:00:00Z' });
		// 28 − 20: the second council's own figure would be told.
		expect(await everyone()).toMatchObject({ positive: 14, suppressed: true });
		const third = await councilWith(db, 'third', 1);
		await replies(db, version, third.services[0]!, 6, { positive: 3, at: '2025-08-15T12:00:00Z' });
		expect(await everyone()).toMatchObject({ positive: 17, negative: 17, suppressed: false });
		// A small figure of this council in March: the year less its quarters would give it away
		// (no other council answered in March), so the year is hidden while Q2 still shows.
		await replies(db, version, own.services[0]!, 2, { positive: 1, at: '2026-03-10T12:00:00Z' });
		expect((await everyone(financialYear('2025-08-01')))?.suppressed).toBe(true);
		expect((await everyone())?.suppressed).toBe(false);
	});

	it('lists no values of a breakdown it does not publish, not even which had answers', async () => {
		const c = await councilWith(db, 'listing', 2);
		await replies(db, version, c.services[0]!, 12, { positive: 6 });
		await replies(db, version, c.services[1]!, 12, { positive: 7 });
		const services = await Promise.all(c.services.map((s) => serviceRepo.find(db, s)));
		const scope: Scope = {
			councilId: c.id,
			councilName: 'listing council',
			councils: [{ id: c.id, name: 'listing council' }],
			providers: services.map((s) => ({ id: s!.provider_id, name: s!.name })),
			services: services.map((s) => ({ id: s!.id, name: s!.name, provider_id: s!.provider_id })),
			ownProviderId: null,
			canSetTargets: true,
			frameworks: ['lancashire', 'dorset']
		};
		const rows = async (params: string) => {
			const { query } = readQuery(new URLSearchParams(params), scope, '2025-12-01');
			const view = await mainView(db, scope, { ...query, view: 'statements' }, 5);
			return view.groups.flatMap((g) => g.rows).filter((r) => r.measure.id === 'safe.feel_safe');
		};
		// The council by language: a value row (English) beside the measure's own.
		expect((await rows('period=2025-Q1&breakdown=language')).map((r) => r.valueKey)).toEqual([
			null,
			'en'
		]);
		// One service by language is not published: the measure's own row only.
		expect(
			(await rows(`period=2025-Q1&service=${c.services[0]}&breakdown=language`)).map(
				(r) => r.valueKey
			)
		).toEqual([null]);
	});
});
