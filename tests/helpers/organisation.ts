import { measures } from '../../src/lib/server/catalogue/measures';
import type { DB } from '../../src/lib/server/db/connect';
import * as council from '../../src/lib/server/db/council';
import * as measure from '../../src/lib/server/db/measure';
import * as provider from '../../src/lib/server/db/provider';
import * as service from '../../src/lib/server/db/service';
import * as survey from '../../src/lib/server/db/survey';
import { loadSymbolSet } from '../../src/lib/server/symbols';
import { loadSurveyFile } from '../../src/lib/server/surveys/load';

export const minimalSurvey = loadSurveyFile(
	'tests/fixtures/surveys/minimal.json',
	loadSymbolSet()
).survey!;

/** The measures, a council commissioning one provider with one service, and the minimal survey. */
export async function seedOrganisation(db: DB): Promise<{ serviceId: string; versionId: string }> {
	await measure.syncCatalogue(db, measures);
	const c = await council.insert(db, { code: 'test', name: 'Test Council' });
	const p = await provider.insert(db, { name: 'Test Provider', regulator_reference: null });
	await provider.commission(db, c.id, p.id, '2026-04-01');
	const s = await service.insert(db, {
		provider_id: p.id,
		council_id: c.id,
		name: 'Club',
		kind: 'short_break'
	});
	return { serviceId: s.id, versionId: await survey.registerVersion(db, minimalSurvey) };
}
