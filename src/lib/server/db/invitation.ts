import type { DB } from './connect';
import type { NewInvitation } from './schema';

export function insert(db: DB, invitation: NewInvitation) {
	return db.insertInto('invitation').values(invitation).returningAll().executeTakeFirstOrThrow();
}

export function findByTokenHash(db: DB, tokenHash: string) {
	return db
		.selectFrom('invitation')
		.selectAll()
		.where('token_hash', '=', tokenHash)
		.executeTakeFirst();
}

export function findByCodeHash(db: DB, codeHash: string) {
	return db
		.selectFrom('invitation')
		.selectAll()
		.where('code_hash', '=', codeHash)
		.executeTakeFirst();
}

/** A provider's invitations with the state of each one's response, newest first. */
export function listForProvider(db: DB, providerId: string, limit = 500) {
	return db
		.selectFrom('invitation')
		.innerJoin('service', 'service.id', 'invitation.service_id')
		.innerJoin('survey', 'survey.id', 'invitation.survey_id')
		.leftJoin('child', 'child.id', 'invitation.child_id')
		.leftJoin('response', (j) =>
			j.onRef('response.invitation_id', '=', 'invitation.id').on('invitation.is_open', '=', false)
		)
		.select([
			'invitation.id',
			'invitation.respondent',
			'invitation.source',
			'invitation.is_open',
			'invitation.expires_at',
			'invitation.revoked_at',
			'invitation.created_at',
			'invitation.response_cap',
			'invitation.responses_started',
			(eb) =>
				eb
					.selectFrom('response as r')
					.select((e) => e.fn.count<number>('r.completed_at').as('n'))
					.whereRef('r.invitation_id', '=', 'invitation.id')
					.where('invitation.is_open', '=', true)
					.as('responses_completed'),
			'service.name as service_name',
			'survey.title as survey_title',
			'child.display_name as child_name',
			'child.erased_at as child_erased_at',
			'response.started_at',
			'response.completed_at'
		])
		.where('service.provider_id', '=', providerId)
		.orderBy('invitation.created_at', 'desc')
		.limit(limit)
		.execute();
}

/**
 * Counts one more response started through an open link unless it has reached its cap: one
 * conditional update, so concurrent starts can never take more than the cap. False when full.
 */
export async function takeStart(db: DB, id: string): Promise<boolean> {
	const result = await db
		.updateTable('invitation')
		.set((eb) => ({ responses_started: eb('responses_started', '+', 1) }))
		.where('id', '=', id)
		.where('is_open', '=', true)
		.where((eb) =>
			eb.or([eb('response_cap', 'is', null), eb('responses_started', '<', eb.ref('response_cap'))])
		)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Sets (or, with null, removes) an open link's cap on the responses it takes. */
export async function setCap(db: DB, id: string, cap: number | null): Promise<boolean> {
	const result = await db
		.updateTable('invitation')
		.set({ response_cap: cap })
		.where('id', '=', id)
		.where('is_open', '=', true)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

export function findWithProvider(db: DB, id: string) {
	return db
		.selectFrom('invitation')
		.innerJoin('service', 'service.id', 'invitation.service_id')
		.selectAll('invitation')
		.select('service.provider_id')
		.where('invitation.id', '=', id)
		.executeTakeFirst();
}

/** Revokes an invitation once; false when it was already revoked (nothing is changed). */
export async function revoke(db: DB, id: string, now = new Date()): Promise<boolean> {
	const result = await db
		.updateTable('invitation')
		.set({ revoked_at: now })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/**
 * Breaks every link between a child, their invitations and the responses made through them, and
 * revokes the invitations not yet revoked; the number of invitations unlinked.
 */
export async function unlinkChild(db: DB, childId: string, now = new Date()): Promise<number> {
	const ofChild = db.selectFrom('invitation').select('id').where('child_id', '=', childId);
	await db
		.updateTable('response')
		.set({ invitation_id: null })
		.where('invitation_id', 'in', ofChild)
		.execute();
	const result = await db
		.updateTable('invitation')
		.set((eb) => ({ child_id: null, revoked_at: eb.fn.coalesce('revoked_at', eb.val(now)) }))
		.where('child_id', '=', childId)
		.executeTakeFirst();
	return Number(result.numUpdatedRows);
}

/** A provider's invitations to a child or carer still waiting for an answer to start: a count. */
export function notStartedCount(db: DB, providerId: string, now: Date) {
	return db
		.selectFrom('invitation')
		.innerJoin('service', 'service.id', 'invitation.service_id')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('service.provider_id', '=', providerId)
		.where('invitation.is_open', '=', false)
		.where('invitation.revoked_at', 'is', null)
		.where('invitation.expires_at', '>', now)
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('response')
						.select('response.id')
						.whereRef('response.invitation_id', '=', 'invitation.id')
				)
			)
		)
		.executeTakeFirstOrThrow();
}
