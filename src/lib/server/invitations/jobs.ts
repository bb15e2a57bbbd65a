import { defineJob } from '../jobs/define';
import { deliverInvitation, deliverWaiting } from './send';

/** A carer's invitation, sent as soon as staff ask. */
export const carerInvitationJob = defineJob<{ invitationId: string }>({
	name: 'invitations.send_to_carer',
	run: async (data, { db, now }) => {
		await deliverInvitation(db, data.invitationId, now);
	}
});

/** Every five minutes: invitations whose message has not gone yet (a lost job, a failed send). */
export const waitingInvitationsJob = defineJob<Record<string, never>>({
	name: 'invitations.check',
	schedule: '*/5 * * * *',
	run: (_data, { db, now }) => deliverWaiting(db, now)
});

export const INVITATION_JOBS = [carerInvitationJob, waitingInvitationsJob];
