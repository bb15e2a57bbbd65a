import { sql } from 'kysely';
import type { DB } from '../db/connect';
import type { Check } from '../health';
import { mailer } from './mailer';
import type { Transport } from './transport';

// What /healthz says of mail: which transport, whether it answers, and whether messages are
// stuck. Mail that cannot go does not stop a server serving children, so it never makes /healthz
// fail: it is reported for monitoring.

/** A message still not sent this long after it was first tried is reported. */
export const STUCK_MINUTES = 15;
/** The SMTP server is asked at most this often, whatever polls /healthz. */
const ASK_EVERY_MS = 30_000;
/** An SMTP server silent this long counts as not answering: /healthz itself must answer fast. */
export const ANSWER_WITHIN_MS = 2_000;
let asked: { transport: Transport; at: number; answer: Promise<boolean> } | undefined;

function answers(transport: Transport, reachable: () => Promise<boolean>): Promise<boolean> {
	const now = Date.now();
	if (!asked || asked.transport !== transport || now - asked.at > ASK_EVERY_MS)
		asked = {
			transport,
			at: now,
			answer: Promise.race([
				reachable(),
				new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ANSWER_WITHIN_MS))
			])
		};
	return asked.answer;
}

export async function mailHealth(db: DB): Promise<Check> {
	const { transport } = mailer();
	if (!transport) return { ok: true, detail: 'none: no notifications are sent' };
	const stuck = await db
		.selectFrom('message')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('status', '=', 'sending')
		.where('created_at', '<', sql<Date>`now() - make_interval(mins => ${STUCK_MINUTES})`)
		.executeTakeFirstOrThrow();
	const waiting = Number(stuck.n);
	if (transport.reachable && !(await answers(transport, transport.reachable)))
		return { ok: false, problem: 'SMTP server not reachable' };
	if (waiting)
		return { ok: false, problem: `${waiting} messages not sent after ${STUCK_MINUTES} minutes` };
	return {
		ok: true,
		detail: transport.text ? `${transport.name}, email and text` : transport.name
	};
}
