import type { DB } from './connect';
import type { MessageChannel } from '../../domain/notifications';

// Invitations waiting to be sent to a carer: the sealed address and link secret, kept only until
// the message has gone (or the invitation ended first).

export function insert(
	db: DB,
	row: { invitationId: string; channel: MessageChannel; sealedAddress: string; sealedToken: string }
) {
	return db
		.insertInto('invitation_delivery')
		.values({
			invitation_id: row.invitationId,
			channel: row.channel,
			sealed_address: row.sealedAddress,
			sealed_token: row.sealedToken
		})
		.execute();
}

/** A waiting delivery with what its message says: the invitation, its provider and survey. */
export function find(db: DB, invitationId: string) {
	return db
		.selectFrom('invitation_delivery as d')
		.innerJoin('invitation as i', 'i.id', 'd.invitation_id')
		.innerJoin('service as s', 's.id', 'i.service_id')
		.innerJoin('provider as p', 'p.id', 's.provider_id')
		.leftJoin('response as r', 'r.invitation_id', 'i.id')
		.select([
			'd.invitation_id',
			'd.channel',
			'd.sealed_address',
			'd.sealed_token',
			'i.language',
			'i.expires_at',
			'i.revoked_at',
			'p.name as provider_name',
			'r.completed_at'
		])
		.where('d.invitation_id', '=', invitationId)
		.executeTakeFirst();
}

export function remove(db: DB, invitationId: string) {
	return db.deleteFrom('invitation_delivery').where('invitation_id', '=', invitationId).execute();
}

/** Ids of invitations still waiting to be sent (the check that catches a lost job). */
export async function waiting(db: DB): Promise<string[]> {
	const rows = await db.selectFrom('invitation_delivery').select('invitation_id').execute();
	return rows.map((r) => r.invitation_id);
}

/** Deletes the addresses of invitations that ended before their message went; returns how many. */
export async function removeEnded(db: DB, now: Date): Promise<number> {
	const result = await db
		.deleteFrom('invitation_delivery')
		.where((eb) =>
			eb(
				'invitation_id',
				'in',
				eb
					.selectFrom('invitation as i')
					.leftJoin('response as r', 'r.invitation_id', 'i.id')
					.select('i.id')
					.where((w) =>
						w.or([
							w('i.revoked_at', 'is not', null),
							w('i.expires_at', '<=', now),
							w('r.completed_at', 'is not', null)
						])
					)
			)
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
