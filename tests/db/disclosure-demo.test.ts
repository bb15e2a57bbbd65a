import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TALLIED_MODES } from '../../src/lib/domain/completion-modes';
import { SOURCE_VALUES } from '../../src/lib/domain/sources';
import { measures } from '../../src/lib/server/catalogue/measures';
import { ukToday } from '../../src/lib/calendar/dates';
import * as measureRepo from '../../src/lib/server/db/measure';
import * as surveyRepo from '../../src/lib/server/db/survey';
import { seedDemoData } from '../../src/lib/server/demo/seed';
import { decideCube, protectionWidth, type CubeCell } from '../../src/lib/server/statistics/cube';
import { loadCube } from '../../src/lib/server/statistics/cubes';
import { allMeasures } from '../../src/lib/server/dashboard/measures';
import { councilFigures } from '../../src/lib/server/statistics/figures';
import { quarter } from '../../src/lib/calendar/periods';
import { loadSurveyCatalogue } from '../../src/lib/server/surveys/load';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { audit } from '../helpers/disclosure-audit';

// The disclosure audit on the demo data (3,000 responses over nine quarters, two councils): every
// council's every financial year, every measure, as the app decides it from its own tallies.

const kind = databaseKinds[databaseKinds.length - 1]!;
const rules = { threshold: 5, attributeThreshold: 10 };
// As the app decides today: periods not yet ended go first when a second figure must be hidden.
const openFrom = `${ukToday().slice(0, 7)}-01`;

describe(`the disclosure audit on the demo data (${kind})`, () => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await freshDatabase(kind);
		await measureRepo.syncCatalogue(database.db, measures);
		for (const s of loadSurveyCatalogue('surveys').surveys)
			await surveyRepo.registerVersion(database.db, s);
		await seedDemoData(database.db, 3000);
	}, 600_000);
	afterAll(async () => database?.drop());

	it(
		'finds no hidden figure that can be worked out, in any council or year',
		{ timeout: 900_000 },
		async () => {
			const db = database.db;
			const councils = await db.selectFrom('council').select('id').execute();
			const ids = allMeasures().map((m) => m.id);
			let hidden = 0;
			let audited = 0;
			for (const { id } of councils) {
				for (const year of ['2024-04-01', '2025-04-01', '2026-04-01']) {
					const cells = await loadCube(db, id, year, ids);
					const byMeasure = new Map<string, CubeCell[]>();
					for (const c of cells)
						byMeasure.set(c.measure_id, [...(byMeasure.get(c.measure_id) ?? []), c]);
					for (const list of byMeasure.values()) {
						const pattern = await decideCube(list, rules, openFrom);
						const result = await audit(list, pattern, protectionWidth(rules));
						hidden += result.hidden;
						audited += list.length;
						expect(result.findings).toEqual([]);
					}
				}
			}
			expect(audited).toBeGreaterThan(10_000);
			expect(hidden).toBeGreaterThan(1000);
		}
	);

	it('publishes on the dashboard exactly what the cube decided', { timeout: 300_000 }, async () => {
		const db = database.db;
		const council = (
			await db
				.selectFrom('council')
				.select('id')
				.where('code', '=', 'lancashire')
				.executeTakeFirstOrThrow()
		).id;
		const period = quarter('2025-07-01');
		const ids = allMeasures().map((m) => m.id);
		const cells = await loadCube(db, council, '2025-04-01', ids);
		const decided = new Map<string, boolean>();
		for (const m of ids) {
			const pattern = await decideCube(
				cells.filter((c) => c.measure_id === m),
				rules,
				openFrom
			);
			for (const c of pattern.cells.values())
				if (c.period === 'quarter' && c.period_start === period.start && c.split === null)
					decided.set(
						`${c.measure_id}|${c.provider_id}|${c.service_id}`,
						pattern.hidden.has(
							`${c.measure_id}|${c.provider_id ?? '*'}|${c.service_id ?? '*'}|quarter|${period.start}|*`
						)
					);
		}
		const figures = await councilFigures(db, {
			councilId: council,
			period,
			modes: TALLIED_MODES,
			sources: SOURCE_VALUES,
			breakdown: 'service',
			threshold: rules.threshold,
			measureIds: ids
		});
		const shown = figures.all().filter((f) => f.positive + f.negative + f.not_counted > 0);
		expect(shown.length).toBeGreaterThan(100);
		for (const f of shown)
			expect(f.suppressed, `${f.measure_id} ${f.provider_id} ${f.service_id}`).toBe(
				decided.get(`${f.measure_id}|${f.provider_id}|${f.service_id}`)
			);
		expect(shown.some((f) => f.suppressed)).toBe(true);
		expect(shown.some((f) => !f.suppressed)).toBe(true);
	});
});
