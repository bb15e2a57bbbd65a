import { sql } from 'kysely';
import type { DB } from './connect';
import type { MessageChannel, MessageKind, NotificationKind } from '../../domain/notifications';

/** How long a delivery holds its claim: longer than a send can take (the transport's timeouts). */
export const CLAIM_SECONDS = 300;

/**
 * Claims a message by its idempotency key, for one delivery at a time: 'new' the first time,
 * 'retry' when an earlier try never finished and its claim is stale (it may or may not have
 * left), 'busy' while another delivery holds it, 'sent' when it went already.
 */
export async function claim(
	db: DB,
	m: { key: string; kind: MessageKind; channel: MessageChannel; userId: string | null }
): Promise<'new' | 'retry' | 'busy' | 'sent'> {
	const inserted = await db
		.insertInto('message')
		.values({
			idempotency_key: m.key,
			kind: m.kind,
			channel: m.channel,
			recipient_user_id: m.userId
		})
		.onConflict((oc) => oc.column('idempotency_key').doNothing())
		.returning('id')
		.executeTakeFirst();
	if (inserted) return 'new';
	const taken = await db
		.updateTable('message')
		.set({ claimed_at: sql`now()` })
		.where('idempotency_key', '=', m.key)
		.where('status', '=', 'sending')
		.where('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${CLAIM_SECONDS})`)
		.returning('id')
		.executeTakeFirst();
	if (taken) return 'retry';
	const row = await db
		.selectFrom('message')
		.select('status')
		.where('idempotency_key', '=', m.key)
		.executeTakeFirstOrThrow();
	return row.status === 'sent' ? 'sent' : 'busy';
}

/** Lets go of a claim whose send failed, so the next try (a job's retry) may send at once. */
export function release(db: DB, key: string) {
	return db
		.updateTable('message')
		.set({ claimed_at: sql`'-infinity'::timestamptz` })
		.where('idempotency_key', '=', key)
		.where('status', '=', 'sending')
		.execute();
}

export function markSent(db: DB, key: string, now: Date) {
	return db
		.updateTable('message')
		.set({ status: 'sent', sent_at: now })
		.where('idempotency_key', '=', key)
		.execute();
}

/** The messages of one kind a person was sent (for tests and the notifications page). */
export function sentTo(db: DB, userId: string) {
	return db
		.selectFrom('message')
		.select(['kind', 'channel', 'sent_at'])
		.where('recipient_user_id', '=', userId)
		.where('status', '=', 'sent')
		.orderBy('sent_at', 'desc')
		.limit(20)
		.execute();
}

export async function optOuts(db: DB, userId: string): Promise<NotificationKind[]> {
	const rows = await db
		.selectFrom('notification_opt_out')
		.select('kind')
		.where('user_id', '=', userId)
		.execute();
	return rows.map((r) => r.kind);
}

/** Replaces a person's opt-outs with `kinds`. */
export async function setOptOuts(db: DB, userId: string, kinds: NotificationKind[]) {
	await db.deleteFrom('notification_opt_out').where('user_id', '=', userId).execute();
	if (kinds.length)
		await db
			.insertInto('notification_opt_out')
			.values(kinds.map((kind) => ({ user_id: userId, kind })))
			.execute();
}
