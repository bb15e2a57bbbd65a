import { sql } from 'kysely';
import { monthsBefore, utcDate } from '../../calendar/dates';
import { loadVersion } from '../answering/service';
import { record } from '../audit';
import { clearExpired, type ExpiredCounts } from '../auth/expired';
import type { DB } from '../db/connect';
import * as invitationRepo from '../db/invitation';
import { REMOVED, removeStaffTexts, type StaffTextCounts } from './erasure';
import { questionsOf } from '../surveys/walk';
import { isUuid } from '../db/ids';

// Erasure on request (UK GDPR art. 17) and storage limitation (art. 5(1)(e)): a child's record is
// scrubbed to a tombstone, what they wrote in their own words and what staff typed about them is
// deleted or replaced, and nothing links their answers to them any more; but answers that feed a
// measure stay, and so do their care packages and sessions (dates, hours, status) under the
// tombstone: they are the anonymous statistics councils commission with. audit_event is never
// touched (it is append-only, and holds ids only).

export interface ErasureCounts extends StaffTextCounts {
	freeTextAnswersRemoved: number;
	responsesUnlinked: number;
	alertNotesRemoved: number;
	invitationsUnlinked: number;
}

export interface RetentionCounts extends ErasureCounts, ExpiredCounts {
	cutoff: Date;
	childrenErased: number;
}

const FREE_TEXT_TYPES = ['text', 'comment'];

const n = (rows: bigint | undefined) => Number(rows ?? 0n);

/** Which responses a step applies to: one child's, or every one started before a date. */
type Scope = { childId: string } | { startedBefore: Date };

/**
 * A child's responses are those linked to them, made through their invitations, or the end of
 * care package reports on their packages (found through the package once the link is gone).
 */
function responsesIn(db: DB, scope: Scope) {
	const q = db.selectFrom('response');
	if (!('childId' in scope)) return q.where('started_at', '<', scope.startedBefore);
	const id = scope.childId;
	return q.where((eb) =>
		eb.or([
			eb('response.child_id', '=', id),
			eb(
				'response.invitation_id',
				'in',
				eb.selectFrom('invitation').select('invitation.id').where('invitation.child_id', '=', id)
			),
			eb(
				'response.id',
				'in',
				eb
					.selectFrom('care_package_report as cr')
					.innerJoin('care_package as cp', 'cp.id', 'cr.care_package_id')
					.select('cr.response_id')
					.where('cp.child_id', '=', id)
			)
		])
	);
}

/**
 * Deletes the answers to free-text questions (as each response's own survey version defines
 * them) in the scope. An answer with a measure is never deleted, whatever its question's type.
 */
async function removeFreeText(trx: DB, scope: Scope): Promise<number> {
	const versions = await responsesIn(trx, scope).select('survey_version_id').distinct().execute();
	let removed = 0;
	for (const { survey_version_id } of versions) {
		const { definition } = await loadVersion(trx, survey_version_id);
		const names = questionsOf(definition)
			.filter((q) => FREE_TEXT_TYPES.includes(String(q.type)))
			.map((q) => String(q.name));
		if (!names.length) continue;
		const result = await trx
			.deleteFrom('answer')
			.where('measure_id', 'is', null)
			.where('question_name', 'in', names)
			.where(
				'response_id',
				'in',
				responsesIn(trx, scope).select('id').where('survey_version_id', '=', survey_version_id)
			)
			.executeTakeFirst();
		removed += n(result.numDeletedRows);
	}
	return removed;
}

/** Scrubs one child inside the caller's transaction; safe to repeat. */
async function erase(trx: DB, childId: string): Promise<ErasureCounts> {
	const child = await trx
		.selectFrom('child')
		.select(['id', 'provider_id', 'reference', 'display_name', 'date_of_birth', 'erased_at'])
		.where('id', '=', childId)
		.executeTakeFirst();
	if (!child) throw new Error(`No child with id ${childId}`);
	const freeTextAnswersRemoved = await removeFreeText(trx, { childId });
	const notes = await trx
		.updateTable('safeguarding_alert')
		.set({ note: REMOVED })
		.where('note', 'is not', null)
		.where('note', '<>', REMOVED)
		.where('response_id', 'in', responsesIn(trx, { childId }).select('id'))
		.executeTakeFirst();
	const texts = await removeStaffTexts(trx, child);
	// Last: the responses are found through the invitations and child_id until here. A survey
	// left half done can no longer be resumed, so nothing new is typed into it.
	const invitationsUnlinked = await invitationRepo.unlinkChild(trx, childId);
	const unlinked = await trx
		.updateTable('response')
		.set({ child_id: null, resume_token_hash: null })
		.where('child_id', '=', childId)
		.executeTakeFirst();
	await trx
		.updateTable('child')
		.set((eb) => ({
			reference: sql<string>`'erased-' || ${eb.ref('id')}`,
			display_name: 'Erased',
			date_of_birth: null,
			send_needs: '[]',
			communication_needs: null,
			preferred_variant: null,
			preferred_language: null,
			// The first erasure's time stays: erasing again changes nothing.
			erased_at: sql<Date>`coalesce(erased_at, now())`
		}))
		.where('id', '=', childId)
		.execute();
	return {
		freeTextAnswersRemoved,
		responsesUnlinked: n(unlinked.numUpdatedRows),
		alertNotesRemoved: n(notes.numUpdatedRows),
		invitationsUnlinked,
		...texts
	};
}

/** Erases a child's record on request, in one transaction, and records who asked. */
export async function eraseChild(
	db: DB,
	childId: string,
	actorUserId: string | null
): Promise<ErasureCounts> {
	if (!isUuid(childId)) throw new Error(`No child with id ${childId}`);
	return db.transaction().execute(async (trx) => {
		const counts = await erase(trx, childId);
		await record(trx, actorUserId, 'child.erased', 'child', childId, { ...counts });
		return counts;
	});
}

/**
 * Children not yet erased with no activity since the cutoff: recorded before it, no care package
 * still open (no end date) or ending on or after it, and no response started since.
 */
function inactiveChildren(db: DB, cutoff: Date) {
	const cutoffDay = utcDate(cutoff);
	return db
		.selectFrom('child')
		.select('id')
		.where('erased_at', 'is', null)
		.where('created_at', '<', cutoff)
		.where(({ not, exists, selectFrom, or }) =>
			not(
				or([
					exists(
						selectFrom('care_package')
							.select('id')
							.whereRef('care_package.child_id', '=', 'child.id')
							.where((p) => p.or([p('ends_on', 'is', null), p('ends_on', '>=', cutoffDay)]))
					),
					exists(
						selectFrom('response')
							.select('id')
							.whereRef('response.child_id', '=', 'child.id')
							.where('started_at', '>=', cutoff)
					)
				])
			)
		)
		.execute();
}

/**
 * Applies the retention period of `months` (RETENTION_MONTHS): erases inactive children, removes
 * old free text, and clears expired sessions, reset links and rate-limit windows, all in one
 * transaction with one audit record. Never deletes a response or a measure's answer.
 */
export async function applyRetention(db: DB, now: Date, months: number): Promise<RetentionCounts> {
	const cutoff = monthsBefore(now, months);
	return db.transaction().execute(async (trx) => {
		const counts: RetentionCounts = {
			cutoff,
			childrenErased: 0,
			freeTextAnswersRemoved: 0,
			responsesUnlinked: 0,
			alertNotesRemoved: 0,
			invitationsUnlinked: 0,
			packageTextsRemoved: 0,
			activityTextsRemoved: 0,
			returnRevisionsScrubbed: 0,
			sessionsRemoved: 0,
			passwordResetsRemoved: 0,
			rateLimitsRemoved: 0,
			pendingSignInsRemoved: 0,
			carerAddressesRemoved: 0
		};
		for (const { id } of await inactiveChildren(trx, cutoff)) {
			const erased = await erase(trx, id);
			await record(trx, null, 'child.erased', 'child', id, { ...erased, reason: 'retention' });
			counts.childrenErased++;
			for (const k of Object.keys(erased) as (keyof ErasureCounts)[]) counts[k] += erased[k];
		}
		counts.freeTextAnswersRemoved += await removeFreeText(trx, { startedBefore: cutoff });
		Object.assign(counts, await clearExpired(trx, now));
		await record(trx, null, 'retention.applied', 'retention', null, {
			...counts,
			cutoff: cutoff.toISOString(),
			months
		});
		return counts;
	});
}
