import { enqueue } from '../jobs/queue';
import { describeError } from '../log';
import { mailer } from '../mail/mailer';
import { returnNewsJob, tellLeadJob } from './jobs';
import type { ReturnEvent } from './returns';

/**
 * Queues the mail to a new alert's lead, when mail is sent at all. A queue that cannot take it is
 * logged and not passed on: the child's answer is saved, and the five-minute check tells the lead.
 */
export async function tellLead(alertId: string): Promise<void> {
	if (!mailer().transport) return;
	try {
		await enqueue(tellLeadJob, { alertId }, { singletonKey: alertId });
	} catch (e) {
		console.error(`Could not queue a safeguarding alert's mail: ${describeError(e)}`);
	}
}

/** Queues the news of a return submitted or sent back, for the other side. */
export async function tellOtherSide(e: ReturnEvent): Promise<void> {
	if (!mailer().transport) return;
	try {
		await enqueue(returnNewsJob, e, { singletonKey: `${e.returnId}:${e.revision}:${e.event}` });
	} catch (err) {
		console.error(`Could not queue a return's news: ${describeError(err)}`);
	}
}
