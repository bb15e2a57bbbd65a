import type { DB } from '../../src/lib/server/db/connect';
import * as child from '../../src/lib/server/db/child';
import * as provider from '../../src/lib/server/db/provider';
import * as service from '../../src/lib/server/db/service';
import * as user from '../../src/lib/server/db/user';
import { NO_PASSWORD } from '../../src/lib/server/auth/passwords';
import { begin, fromResumeToken, saveAnswer } from '../../src/lib/server/answering/service';
import * as invitations from '../../src/lib/server/invitations/links';
import type { Role } from '../../src/lib/domain/roles';

/** A child whose name and reference no message may hold. */
export const CHILD = { name: 'Zebedee Quartermaine', reference: 'REF-ZQ-4471' };

let n = 0;
export async function account(
	db: DB,
	role: Role,
	org: { providerId?: string; councilId?: string } = {}
) {
	n++;
	return user.insert(db, {
		email: `${role}.${n}@example.org`,
		display_name: `${role} ${n}`,
		role,
		provider_id: org.providerId ?? null,
		council_id: org.councilId ?? null,
		password_hash: NO_PASSWORD
	});
}

/**
 * The people a notification may go to: the service's lead (a member of staff), two managers and
 * another member of staff of its provider, and a manager of another provider.
 */
export async function people(db: DB, serviceId: string) {
	const s = await db
		.selectFrom('service')
		.selectAll()
		.where('id', '=', serviceId)
		.executeTakeFirstOrThrow();
	const lead = await account(db, 'provider_staff', { providerId: s.provider_id });
	await service.setLead(db, serviceId, lead.id);
	const other = await provider.insert(db, { name: 'Other Provider', regulator_reference: null });
	return {
		providerId: s.provider_id,
		councilId: s.council_id,
		lead,
		managers: [
			await account(db, 'provider_manager', { providerId: s.provider_id }),
			await account(db, 'provider_manager', { providerId: s.provider_id })
		],
		staff: await account(db, 'provider_staff', { providerId: s.provider_id }),
		otherManager: await account(db, 'provider_manager', { providerId: other.id }),
		commissioner: await account(db, 'commissioner', { councilId: s.council_id })
	};
}

/** A child of the service answers "no" to "I feel safe." (a worrying answer): the alert's id. */
export async function worryingAnswer(
	db: DB,
	serviceId: string,
	versionId: string
): Promise<string> {
	const s = await db
		.selectFrom('service')
		.selectAll()
		.where('id', '=', serviceId)
		.executeTakeFirstOrThrow();
	const c =
		(await db
			.selectFrom('child')
			.selectAll()
			.where('provider_id', '=', s.provider_id)
			.where('reference', '=', CHILD.reference)
			.executeTakeFirst()) ??
		(await child.insert(db, {
			provider_id: s.provider_id,
			display_name: CHILD.name,
			reference: CHILD.reference
		}));
	const { invitation } = await invitations.issue(db, {
		surveyId: 'minimal',
		serviceId,
		childId: c.id,
		respondent: 'child',
		source: 'annual_review',
		expiresAt: new Date(Date.now() + 30 * 86400_000),
		isOpen: false
	});
	const started = await begin(db, invitation, versionId, 'en');
	if (started.status !== 'started') throw new Error('not started');
	const ctx = (await fromResumeToken(db, started.resumeToken))!;
	const saved = await saveAnswer(db, ctx, 'feel_safe', { value: 'no' }, 'en', 1);
	if (!saved.alertId) throw new Error('no alert raised');
	return saved.alertId;
}
