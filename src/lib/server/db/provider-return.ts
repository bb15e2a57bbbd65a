import type { DB } from './connect';
import type { ReturnKind } from '../../domain/return-kinds';
import type { ReturnStatus } from '../../domain/return-kinds';

export interface ReturnKey {
	councilId: string;
	providerId: string;
	kind: ReturnKind;
	periodKey: string;
}

export function find(db: DB, k: ReturnKey) {
	return db
		.selectFrom('provider_return')
		.selectAll()
		.where('council_id', '=', k.councilId)
		.where('provider_id', '=', k.providerId)
		.where('kind', '=', k.kind)
		.where('period_key', '=', k.periodKey)
		.executeTakeFirst();
}

/** Locks the return's row for the rest of the transaction, so two saves cannot interleave. */
export function findForUpdate(db: DB, id: string) {
	return db
		.selectFrom('provider_return')
		.selectAll()
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function insert(db: DB, k: ReturnKey) {
	return db
		.insertInto('provider_return')
		.values({
			council_id: k.councilId,
			provider_id: k.providerId,
			kind: k.kind,
			period_key: k.periodKey,
			status: 'draft'
		})
		.onConflict((c) =>
			c.constraint('provider_return_once').doUpdateSet({ kind: (eb) => eb.ref('excluded.kind') })
		)
		.returningAll()
		.executeTakeFirstOrThrow();
}

export function setStatus(db: DB, id: string, status: ReturnStatus) {
	return db
		.updateTable('provider_return')
		.set({ status, updated_at: new Date() })
		.where('id', '=', id)
		.execute();
}

export function revisions(db: DB, returnId: string) {
	return db
		.selectFrom('provider_return_revision as r')
		.leftJoin('app_user as s', 's.id', 'r.submitted_by')
		.leftJoin('app_user as d', 'd.id', 'r.decided_by')
		.selectAll('r')
		.select(['s.display_name as submitted_by_name', 'd.display_name as decided_by_name'])
		.where('r.return_id', '=', returnId)
		.orderBy('r.revision', 'desc')
		.execute();
}

export function latestRevision(db: DB, returnId: string) {
	return db
		.selectFrom('provider_return_revision')
		.selectAll()
		.where('return_id', '=', returnId)
		.orderBy('revision', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export function insertRevision(
	db: DB,
	r: { returnId: string; revision: number; entered: Record<string, unknown>; by: string }
) {
	return db
		.insertInto('provider_return_revision')
		.values({
			return_id: r.returnId,
			revision: r.revision,
			entered: JSON.stringify(r.entered),
			created_by: r.by
		})
		.execute();
}

export function updateDraft(
	db: DB,
	returnId: string,
	revision: number,
	entered: Record<string, unknown>
) {
	return db
		.updateTable('provider_return_revision')
		.set({ entered: JSON.stringify(entered) })
		.where('return_id', '=', returnId)
		.where('revision', '=', revision)
		.where('submitted_at', 'is', null)
		.execute();
}

export function markSubmitted(
	db: DB,
	returnId: string,
	revision: number,
	o: { entered: Record<string, unknown>; assembled: Record<string, unknown>; by: string }
) {
	return db
		.updateTable('provider_return_revision')
		.set({
			entered: JSON.stringify(o.entered),
			assembled: JSON.stringify(o.assembled),
			submitted_by: o.by,
			submitted_at: new Date()
		})
		.where('return_id', '=', returnId)
		.where('revision', '=', revision)
		.where('submitted_at', 'is', null)
		.execute();
}

export function decide(
	db: DB,
	returnId: string,
	revision: number,
	o: { decision: 'accepted' | 'returned'; comment: string | null; by: string }
) {
	return db
		.updateTable('provider_return_revision')
		.set({ decision: o.decision, comment: o.comment, decided_by: o.by, decided_at: new Date() })
		.where('return_id', '=', returnId)
		.where('revision', '=', revision)
		.where('submitted_at', 'is not', null)
		.where('decision', 'is', null)
		.execute();
}

/** Every return between the given councils and providers, for the lists of what is owed. */
export function listFor(db: DB, o: { councilId?: string; providerId?: string }) {
	let q = db
		.selectFrom('provider_return as p')
		.select([
			'p.id',
			'p.council_id',
			'p.provider_id',
			'p.kind',
			'p.period_key',
			'p.status',
			'p.updated_at'
		])
		.select((eb) =>
			eb
				.selectFrom('provider_return_revision as r')
				.whereRef('r.return_id', '=', 'p.id')
				.select((e) => e.fn.max('r.revision').as('m'))
				.as('revision')
		);
	if (o.councilId) q = q.where('p.council_id', '=', o.councilId);
	if (o.providerId) q = q.where('p.provider_id', '=', o.providerId);
	return q.execute();
}

/** The commissions a return can be owed under: a council's providers, or a provider's councils. */
export function commissions(db: DB, o: { councilId?: string; providerId?: string }) {
	let q = db
		.selectFrom('commission as c')
		.innerJoin('council', 'council.id', 'c.council_id')
		.innerJoin('provider', 'provider.id', 'c.provider_id')
		.select([
			'c.council_id',
			'council.name as council_name',
			'c.provider_id',
			'provider.name as provider_name',
			'c.starts_on',
			'c.ends_on',
			'c.framework'
		]);
	if (o.councilId) q = q.where('c.council_id', '=', o.councilId);
	if (o.providerId) q = q.where('c.provider_id', '=', o.providerId);
	return q.orderBy('provider.name').orderBy('council.name').execute();
}

/** The rating the provider gave in its latest earlier return to the council, to start from. */
export function latestEnteredRating(db: DB, councilId: string, providerId: string) {
	return db
		.selectFrom('provider_return_revision as r')
		.innerJoin('provider_return as p', 'p.id', 'r.return_id')
		.select('r.entered')
		.where('p.council_id', '=', councilId)
		.where('p.provider_id', '=', providerId)
		.where('p.kind', '!=', 'monthly')
		.orderBy('r.created_at', 'desc')
		.limit(1)
		.executeTakeFirst();
}

/** Every revision of a provider's returns, with its typed and assembled texts. */
export function revisionTextsOfProvider(db: DB, providerId: string) {
	return db
		.selectFrom('provider_return_revision as r')
		.innerJoin('provider_return as p', 'p.id', 'r.return_id')
		.select(['r.return_id', 'r.revision', 'r.entered', 'r.assembled', 'r.comment'])
		.where('p.provider_id', '=', providerId)
		.execute();
}

/** Replaces a revision's texts (at erasure only: otherwise a revision stays as submitted). */
export function replaceRevisionTexts(
	db: DB,
	returnId: string,
	revision: number,
	t: {
		entered: Record<string, unknown>;
		assembled: Record<string, unknown> | null;
		comment: string | null;
	}
) {
	return db
		.updateTable('provider_return_revision')
		.set({
			entered: JSON.stringify(t.entered),
			assembled: t.assembled === null ? null : JSON.stringify(t.assembled),
			comment: t.comment
		})
		.where('return_id', '=', returnId)
		.where('revision', '=', revision)
		.execute();
}
