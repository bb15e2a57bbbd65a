import * as attendanceRepo from '../db/attendance';
import * as carePackageRepo from '../db/care-package';
import type { DB } from '../db/connect';
import * as returnRepo from '../db/provider-return';
import { mentionsOf, type Identity } from './mentions';
import { eraseFromRevision } from '../returns/erasure';

/** What replaces a text typed about an erased child. */
export const REMOVED = '[removed at erasure]';

export interface StaffTextCounts {
	packageTextsRemoved: number;
	activityTextsRemoved: number;
	returnRevisionsScrubbed: number;
}

/** A child as recorded just before erasure (`erased_at` is set if they were erased before). */
export interface ChildToErase extends Identity {
	id: string;
	provider_id: string;
	erased_at: Date | null;
}

/**
 * Removes what staff typed about a child outside the child's own answers, keeping every figure:
 * - why each of their care packages ended (the reason stays, for the returns' counts);
 * - the activity text of the registers, wherever it mentions the child, and on the child's own
 *   sessions unless the same text is on another child's session of that register. A register's
 *   text is typed once for everyone, so "Swimming" on every child's line names the session and
 *   stays (the returns count sessions by activity); a text only the child's line has may be about
 *   the child alone ("one to one with …") and goes. Hours, status and type of hours always stay;
 * - in the provider's returns, the child's rows' typed texts and any text mentioning the child.
 * Texts in other children's own records (their answers, alert notes, explanations) are theirs
 * and are left as they are.
 */
export async function removeStaffTexts(trx: DB, child: ChildToErase): Promise<StaffTextCounts> {
	// A tombstone's "Erased" would match every text saying so: mentions are looked for once.
	const mentions = child.erased_at ? () => false : mentionsOf(child);
	const packageTextsRemoved = await carePackageRepo.replaceExplanations(trx, child.id, REMOVED);
	const mentioning = (await attendanceRepo.activitiesOfProvider(trx, child.provider_id)).filter(
		(t) => t !== REMOVED && mentions(t)
	);
	const activityTextsRemoved =
		(await attendanceRepo.replaceActivities(trx, child.provider_id, mentioning, REMOVED)) +
		(await attendanceRepo.replaceOwnActivities(trx, child.id, REMOVED));
	let returnRevisionsScrubbed = 0;
	for (const r of await returnRepo.revisionTextsOfProvider(trx, child.provider_id)) {
		const { texts, changed } = eraseFromRevision(
			{ entered: r.entered, assembled: r.assembled, comment: r.comment },
			{ childId: child.id, mentions, removed: REMOVED }
		);
		if (!changed) continue;
		await returnRepo.replaceRevisionTexts(trx, r.return_id, r.revision, texts);
		returnRevisionsScrubbed++;
	}
	return { packageTextsRemoved, activityTextsRemoved, returnRevisionsScrubbed };
}
