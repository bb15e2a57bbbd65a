import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import type { DB } from '../../src/lib/server/db/connect';
import { dashboardScope } from '../../src/lib/server/access/dashboard';
import { readQuery } from '../../src/lib/server/dashboard/query';
import { mainView } from '../../src/lib/server/dashboard/main-view';
import { trendView } from '../../src/lib/server/dashboard/trend-view';
import * as targets from '../../src/lib/server/dashboard/targets';
import * as returns from '../../src/lib/server/returns/service';
import { measures } from '../../src/lib/server/catalogue/measures';
import * as measureRepo from '../../src/lib/server/db/measure';
import * as surveyRepo from '../../src/lib/server/db/survey';
import { loadSurveyCatalogue } from '../../src/lib/server/surveys/load';
import { seedDemoData } from '../../src/lib/server/demo/seed';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The framework a council commissions a provider under decides which measures apply: the
// dashboard's views, its trend's measures, the targets, and whether activity returns are owed.
describe.each(databaseKinds)('frameworks decide the measures on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	const ids: Record<string, string> = {};
	const user = (role: StaffUser['role'], org: { councilId?: string; providerId?: string }) =>
		({
			id: '00000000-0000-4000-8000-000000000001',
			email: 'someone@example.org',
			displayName: 'Someone',
			role,
			councilId: org.councilId ?? null,
			providerId: org.providerId ?? null,
			hasTotp: true
		}) satisfies StaffUser;

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		await measureRepo.syncCatalogue(db, measures);
		for (const s of loadSurveyCatalogue('surveys').surveys) await surveyRepo.registerVersion(db, s);
		await seedDemoData(db);
		for (const c of await db.selectFrom('council').select(['id', 'code']).execute())
			ids[c.code] = c.id;
		for (const p of await db.selectFrom('provider').select(['id', 'name']).execute())
			ids[p.name] = p.id;
	}, 120_000);
	afterAll(async () => database?.drop());

	const frameworkOf = (id: string) => measures.find((m) => m.id === id)?.framework;
	const query = (scope: Awaited<ReturnType<typeof dashboardScope>>, params: string) =>
		readQuery(new URLSearchParams(params), scope, '2026-12-01');

	it('offers a Lancashire commissioner the Lancashire views only', async () => {
		const scope = await dashboardScope(db, user('commissioner', { councilId: ids.lancashire }));
		expect(scope.frameworks).toEqual(['lancashire']);
		expect(query(scope, '').query.view).toBe('statements');
		const { query: q, errors } = query(scope, 'view=dorset');
		expect(q.view).toBe('statements');
		expect(errors).toEqual([
			{
				field: 'view',
				message:
					'Lancashire County Council commissions nothing under Dorset children’s homes: choose a view from the list'
			}
		]);
		const trend = query(scope, 'measure=dorset.1.1');
		expect(trend.errors.map((e) => e.field)).toEqual(['measure']);
		expect(frameworkOf(trend.query.measureId)).toBe('lancashire');
	});

	it('offers a Dorset commissioner the Dorset outcomes, and no Lancashire measure', async () => {
		const scope = await dashboardScope(db, user('commissioner', { councilId: ids.dorset }));
		expect(scope.frameworks).toEqual(['dorset']);
		const { query: q, errors } = query(scope, '');
		expect(errors).toEqual([]);
		expect(q.view).toBe('dorset');
		expect(q.measureId).toMatch(/^dorset\./);
		const view = await mainView(db, scope, q, 10);
		const measures = view.groups.flatMap((g) => g.rows.map((r) => r.measure.id));
		expect(measures.length).toBeGreaterThan(0);
		expect(measures.every((m) => m.startsWith('dorset.'))).toBe(true);
		expect(query(scope, 'view=statements').errors.map((e) => e.field)).toEqual(['view']);
	});

	it('shows nothing, without failing, for a council that commissions nobody yet', async () => {
		const york = await db
			.insertInto('council')
			.values({ code: 'york', name: 'City of York Council' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const scope = await dashboardScope(db, user('commissioner', { councilId: york.id }));
		expect(scope.frameworks).toEqual([]);
		const { query: q } = query(scope, '');
		expect((await mainView(db, scope, q, 10)).groups).toEqual([]);
		expect(await trendView(db, scope, q, 10)).toBeNull();
	});

	it('sets targets for the council’s own frameworks only', async () => {
		const lancs = user('commissioner', { councilId: ids.lancashire });
		const listed = (await targets.list(db, lancs, null))!.rows.map((r) => r.id);
		expect(listed.length).toBeGreaterThan(0);
		expect(new Set(listed.map(frameworkOf))).toEqual(new Set(['lancashire']));
		const dorsetMeasure = 'dorset.1.1';
		expect(await targets.save(db, lancs, null, { [`green-${dorsetMeasure}`]: '80' })).toEqual({
			errors: {
				[`green-${dorsetMeasure}`]:
					'dorset.1.1 is not a measure of Lancashire County Council’s commissions: it has no target here'
			}
		});
		expect(await db.selectFrom('measure_target').selectAll().execute()).toEqual([]);
	});

	it('owes no activity return under the Dorset framework', async () => {
		const homes = user('provider_manager', { providerId: ids['Harbour View Homes'] });
		await expect(
			returns.open(db, homes, {
				council: ids.dorset!,
				provider: ids['Harbour View Homes']!,
				kind: 'quarterly',
				period: '2025-Q2'
			})
		).rejects.toMatchObject({ status: 404 });
		const breaks = user('provider_manager', { providerId: ids['Riverside Short Breaks'] });
		const opened = await returns.open(db, breaks, {
			council: ids.lancashire!,
			provider: ids['Riverside Short Breaks']!,
			kind: 'quarterly',
			period: '2025-Q2'
		});
		expect(opened.providerName).toBe('Riverside Short Breaks');
		// Before the commission began, nothing is owed either.
		await expect(
			returns.open(db, breaks, {
				council: ids.lancashire!,
				provider: ids['Riverside Short Breaks']!,
				kind: 'quarterly',
				period: '2024-Q4'
			})
		).rejects.toMatchObject({ status: 404 });
	});
});
