import type { DB } from '../db/connect';
import * as audit from '../audit';
import * as messageRepo from '../db/message';
import * as userRepo from '../db/user';
import { DUTY_KINDS, type NotificationKind } from '../../domain/notifications';
import { mailer } from './mailer';
import type { Text } from './texts';

/** One notification to one staff account, written by texts.ts. */
export interface Notification {
	/** Names this message once, from ids only: a second delivery with the same key sends nothing. */
	key: string;
	kind: NotificationKind;
	userId: string;
	/** What it says; a function when writing it has an effect (a password link is made). */
	text: Text | (() => Promise<Text>);
}

export type Delivered =
	'sent' | 'already sent' | 'being sent' | 'no transport' | 'turned off' | 'no account';

/**
 * Emails one notification to a staff account, once: the message is claimed by its key before it
 * goes and marked sent after, so a job run twice sends one mail (and a job that failed half way is
 * tried again). Each one sent is audited (to whom as an account id, what kind, when: no content).
 * A kind the person turned off is not sent, unless it is a duty.
 */
export async function deliver(db: DB, n: Notification, now: Date): Promise<Delivered> {
	const { transport } = mailer();
	if (!transport) return 'no transport';
	const user = await userRepo.find(db, n.userId);
	if (!user || user.disabled_at) return 'no account';
	if (!DUTY_KINDS.includes(n.kind) && (await messageRepo.optOuts(db, n.userId)).includes(n.kind))
		return 'turned off';
	const claimed = await messageRepo.claim(db, {
		key: n.key,
		kind: n.kind,
		channel: 'email',
		userId: n.userId
	});
	if (claimed === 'sent') return 'already sent';
	// Another delivery of the same message (a job and the check that catches lost ones) has it.
	if (claimed === 'busy') return 'being sent';
	try {
		const text = typeof n.text === 'function' ? await n.text() : n.text;
		await transport.email({ to: user.email, ...text, reference: n.key });
	} catch (e) {
		await messageRepo.release(db, n.key);
		throw e;
	}
	await db.transaction().execute(async (trx) => {
		await messageRepo.markSent(trx, n.key, now);
		await audit.record(trx, null, 'message.sent', 'app_user', n.userId, {
			kind: n.kind,
			channel: 'email'
		});
	});
	return 'sent';
}
