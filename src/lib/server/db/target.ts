import type { DB } from './connect';

/** A council's targets: council-wide (provider_id null) and per provider. */
export async function listForCouncil(db: DB, councilId: string) {
	const rows = await db
		.selectFrom('measure_target')
		.select(['measure_id', 'provider_id', 'green_from', 'amber_from'])
		.where('council_id', '=', councilId)
		.execute();
	return rows.map((r) => ({
		...r,
		green_from: Number(r.green_from),
		amber_from: Number(r.amber_from)
	}));
}

export function upsert(
	db: DB,
	t: {
		councilId: string;
		providerId: string | null;
		measureId: string;
		greenFrom: number;
		amberFrom: number;
		userId: string;
	}
) {
	return db
		.insertInto('measure_target')
		.values({
			council_id: t.councilId,
			provider_id: t.providerId,
			measure_id: t.measureId,
			green_from: t.greenFrom,
			amber_from: t.amberFrom,
			updated_by: t.userId
		})
		.onConflict((oc) =>
			oc.columns(['council_id', 'provider_id', 'measure_id']).doUpdateSet({
				green_from: t.greenFrom,
				amber_from: t.amberFrom,
				updated_by: t.userId,
				updated_at: new Date()
			})
		)
		.execute();
}

export function remove(db: DB, councilId: string, providerId: string | null, measureId: string) {
	let q = db
		.deleteFrom('measure_target')
		.where('council_id', '=', councilId)
		.where('measure_id', '=', measureId);
	q = providerId ? q.where('provider_id', '=', providerId) : q.where('provider_id', 'is', null);
	return q.execute();
}
