import * as council from './db/council';
import type { DB } from './db/connect';
import * as provider from './db/provider';
import * as service from './db/service';

/**
 * Demo organisations for a first run: two councils, the providers they commission and their
 * services. Only added to an empty database, so real data is never touched.
 */
export async function seedDemoData(db: DB): Promise<boolean> {
	if ((await council.list(db)).length > 0) return false;
	await db.transaction().execute(async (trx) => {
		const lancashire = await council.insert(trx, {
			code: 'lancashire',
			name: 'Lancashire County Council'
		});
		const dorset = await council.insert(trx, { code: 'dorset', name: 'Dorset Council' });
		const breaks = await provider.insert(trx, {
			name: 'Riverside Short Breaks',
			regulator_reference: null
		});
		const clubs = await provider.insert(trx, {
			name: 'Pennine Play Clubs',
			regulator_reference: null
		});
		const homes = await provider.insert(trx, {
			name: 'Harbour View Homes',
			regulator_reference: null
		});
		await provider.commission(trx, lancashire.id, breaks.id, '2025-04-01');
		await provider.commission(trx, lancashire.id, clubs.id, '2025-04-01');
		await provider.commission(trx, dorset.id, homes.id, '2025-04-01');
		const services = [
			{
				provider_id: breaks.id,
				council_id: lancashire.id,
				name: 'Riverside overnight breaks',
				kind: 'short_break'
			},
			{
				provider_id: breaks.id,
				council_id: lancashire.id,
				name: 'Riverside Break Time',
				kind: 'short_break'
			},
			{
				provider_id: clubs.id,
				council_id: lancashire.id,
				name: 'Pennine Saturday Club',
				kind: 'short_break'
			},
			{
				provider_id: homes.id,
				council_id: dorset.id,
				name: 'Harbour View House',
				kind: 'childrens_home'
			}
		] as const;
		for (const s of services) await service.insert(trx, s);
	});
	return true;
}
