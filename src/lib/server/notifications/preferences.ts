import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import { isKeyOf } from '../../own';
import type { DB } from '../db/connect';
import * as messageRepo from '../db/message';
import { can } from '../access/policy';
import { forbidden } from '../access/roles';
import {
	DUTY_KINDS,
	NOTIFICATION_KIND_VALUES,
	NOTIFICATION_KINDS,
	SENT_TO,
	type NotificationKind
} from '../../domain/notifications';
import type { Role } from '../../domain/roles';

/** The kinds a role can be sent, in the order the page lists them. */
export const kindsFor = (role: Role): NotificationKind[] =>
	NOTIFICATION_KIND_VALUES.filter((k) => SENT_TO[k].includes(role));

/** What the signed-in person can be sent, whether each is a duty and whether it is on. */
export async function list(db: DB, user: StaffUser) {
	if (!can(user.role, 'notifications.choose')) forbidden();
	const off = await messageRepo.optOuts(db, user.id);
	return {
		kinds: kindsFor(user.role).map((kind) => ({
			kind,
			label: NOTIFICATION_KINDS[kind],
			duty: DUTY_KINDS.includes(kind),
			on: DUTY_KINDS.includes(kind) || !off.includes(kind)
		})),
		recent: (await messageRepo.sentTo(db, user.id)).map((m) => ({
			// Only staff notifications go to an account.
			label: isKeyOf(NOTIFICATION_KINDS, m.kind) ? NOTIFICATION_KINDS[m.kind] : m.kind,
			sentAt: m.sent_at ? new Date(m.sent_at).toISOString() : null
		}))
	};
}

/**
 * Keeps on the kinds in `send` and turns off the person's other kinds that are not a duty. A kind
 * that is not theirs to choose (another role's, or a duty) is refused: the page never offers one.
 */
export async function save(db: DB, user: StaffUser, send: string[]): Promise<boolean> {
	if (!can(user.role, 'notifications.choose')) forbidden();
	const choosable = kindsFor(user.role).filter((k) => !DUTY_KINDS.includes(k));
	if (!send.every((k) => (choosable as string[]).includes(k))) return false;
	const off = choosable.filter((k) => !send.includes(k));
	await db.transaction().execute(async (trx) => {
		await messageRepo.setOptOuts(trx, user.id, off);
		await audit.record(trx, user.id, 'notifications.chosen', 'app_user', user.id, { off });
	});
	return true;
}
