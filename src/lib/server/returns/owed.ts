import { can } from '../access/policy';
import { forbidden } from '../access/roles';
import type { StaffUser } from '../auth/sessions';
import type { DB } from '../db/connect';
import * as repo from '../db/provider-return';
import type { ReturnStatus } from '../../domain/return-kinds';
import { RETURN_KIND_IDS, type ReturnKind } from '../../domain/return-kinds';
import { RETURNS_FRAMEWORKS } from '../../domain/frameworks';
import { parsePeriodKey } from '../../calendar/periods';
import { dueOn, periodsOwed, type ReturnDueDays } from './deadlines';
import { isOverdue } from './overdue';

export interface OwedReturn {
	councilId: string;
	councilName: string;
	providerId: string;
	providerName: string;
	kind: ReturnKind;
	periodKey: string;
	periodLabel: string;
	dueOn: string;
	status: ReturnStatus | 'not_started';
	overdue: boolean;
	revision: number | null;
}

/**
 * Every return owed under the caller's commissions (a commissioner: their council's providers; a
 * provider: its councils), newest first, with its due date and whether it is overdue. A return
 * still in draft or returned for correction after its due date is overdue.
 */
export async function owedReturns(
	db: DB,
	user: StaffUser,
	today: string,
	days: ReturnDueDays
): Promise<OwedReturn[]> {
	const byCouncil = can(user.role, 'returns.decide') && user.councilId;
	const byProvider = can(user.role, 'returns.fill_in') && user.providerId;
	if (!byCouncil && !byProvider) forbidden();
	const filter = byCouncil ? { councilId: user.councilId! } : { providerId: user.providerId! };
	const [commissions, returns] = await Promise.all([
		repo.commissions(db, filter),
		repo.listFor(db, filter)
	]);
	const keyOf = (council: string, provider: string, kind: string) =>
		`${council}|${provider}|${kind}`;
	const existing = new Map<string, Map<string, (typeof returns)[number]>>();
	for (const r of returns) {
		const k = keyOf(r.council_id, r.provider_id, r.kind);
		existing.set(k, (existing.get(k) ?? new Map()).set(r.period_key, r));
	}
	const out: OwedReturn[] = [];
	// A council may commission a provider again after a commission ends: a period both cover is
	// owed once.
	const listed = new Set<string>();
	for (const c of commissions) {
		// The activity returns are owed under the frameworks that set them (Lancashire's).
		if (!RETURNS_FRAMEWORKS.includes(c.framework)) continue;
		for (const kind of RETURN_KIND_IDS) {
			const started = existing.get(keyOf(c.council_id, c.provider_id, kind)) ?? new Map();
			const periods = periodsOwed(kind, c.starts_on, c.ends_on, today);
			const keys = new Set(periods.map((p) => p.key));
			// Returns started early (for a period not yet over) are listed too.
			for (const key of started.keys())
				if (!keys.has(key)) {
					const p = parsePeriodKey(key);
					if (p) periods.push(p);
				}
			for (const p of periods) {
				const once = `${keyOf(c.council_id, c.provider_id, kind)}|${p.key}`;
				if (listed.has(once)) continue;
				listed.add(once);
				const r = started.get(p.key);
				const status = r?.status ?? 'not_started';
				const due = dueOn(kind, p, days);
				out.push({
					councilId: c.council_id,
					councilName: c.council_name,
					providerId: c.provider_id,
					providerName: c.provider_name,
					kind,
					periodKey: p.key,
					periodLabel: p.label,
					dueOn: due,
					status,
					overdue: isOverdue(status, due, today),
					revision: r?.revision ?? null
				});
			}
		}
	}
	return out.sort((a, b) =>
		a.providerName === b.providerName
			? b.dueOn.localeCompare(a.dueOn)
			: a.providerName.localeCompare(b.providerName)
	);
}
