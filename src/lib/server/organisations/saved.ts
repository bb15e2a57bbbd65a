import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import { isUniqueViolation } from '../db/errors';
import type { FieldErrors } from '../forms/staff';
import type { Retirement } from './retirement';

/** What saving an organisation's form gives back: the record's id, or an error per field. */
export type Saved = { ok: true; id: string } | { ok: false; errors: FieldErrors };

export const refused = (errors: FieldErrors): Saved => ({ ok: false, errors });

export const hasAny = (errors: FieldErrors) => Object.keys(errors).length > 0;

/**
 * Saving that two requests can race on: when both pass the checks at once with the same name,
 * the database's unique index refuses the second, which gets `duplicate` as its errors.
 */
export async function refusingDuplicates(
	saving: Promise<Saved>,
	duplicate: FieldErrors
): Promise<Saved> {
	try {
		return await saving;
	} catch (e) {
		if (isUniqueViolation(e)) return refused(duplicate);
		throw e;
	}
}

/**
 * Retires a record and audits it, once, unless something still running stands in the way
 * (`blockers`, checked in the same transaction): then nothing changes and the reasons come back.
 * `along` retires what goes with it (a provider's services), in the same transaction.
 */
export function retireAudited(
	db: DB,
	user: StaffUser,
	kind: 'council' | 'provider' | 'service',
	id: string,
	retire: (trx: DB, id: string) => Promise<boolean>,
	blockers: (trx: DB) => Promise<string[]>,
	along: (trx: DB) => Promise<void> = async () => {}
): Promise<Retirement> {
	return db.transaction().execute(async (trx) => {
		const reasons = await blockers(trx);
		if (reasons.length) return { ok: false, reasons };
		if (!(await retire(trx, id))) return { ok: true, changed: false };
		await along(trx);
		await audit.record(trx, user.id, `${kind}.retired`, kind, id);
		return { ok: true, changed: true };
	});
}
