import type { StaffUser } from '../auth/sessions';
import { record } from '../audit';
import type { DB } from '../db/connect';
import * as targetRepo from '../db/target';
import { allMeasures } from './measures';
import type { Target } from './shown';
import { targetScope } from '../access/dashboard';

/** Targets with red / amber / green thresholds, set by a council's commissioners. */

export interface TargetRow {
	id: string;
	label: string;
	outcome: string;
	green: string;
	amber: string;
	council: { green: number; amber: number } | null;
}

export async function list(db: DB, user: StaffUser, providerId: string | null) {
	const scope = await targetScope(db, user, providerId);
	if (!scope) return null;
	const rows = await targetRepo.listForCouncil(db, scope.councilId);
	const find = (m: string, p: string | null) =>
		rows.find((r) => r.measure_id === m && r.provider_id === p);
	return {
		providers: scope.providers,
		// Only the measures of the frameworks the council commissions under.
		rows: allMeasures(scope.frameworks).map((m): TargetRow => {
			const own = find(m.id, providerId);
			const council = providerId ? find(m.id, null) : undefined;
			return {
				id: m.id,
				label: m.label,
				outcome: m.outcome,
				green: own ? String(own.green_from) : '',
				amber: own ? String(own.amber_from) : '',
				council: council ? { green: council.green_from, amber: council.amber_from } : null
			};
		})
	};
}

const PERCENT = /^(100(\.0)?|\d{1,2}(\.\d)?)$/;

/**
 * Saves every target on the form at once, or none: each row is blank (no target) or two
 * percentages with amber at or below green. Returns errors by field id.
 */
export async function save(
	db: DB,
	user: StaffUser,
	providerId: string | null,
	values: Record<string, string>
): Promise<{ errors: Record<string, string> } | null> {
	const scope = await targetScope(db, user, providerId);
	if (!scope) return null;
	const errors: Record<string, string> = {};
	const parsed: (
		{ measureId: string; green: number; amber: number } | { measureId: string; clear: true }
	)[] = [];
	const applies = new Set(allMeasures(scope.frameworks).map((m) => m.id));
	for (const m of allMeasures()) {
		if (!applies.has(m.id)) {
			// Another framework's measure: its targets are left as they are, and one sent is refused.
			if ((values[`green-${m.id}`] ?? '').trim() || (values[`amber-${m.id}`] ?? '').trim())
				errors[`green-${m.id}`] =
					`${m.id} is not a measure of ${scope.councilName}’s commissions: it has no target here`;
			continue;
		}
		const g = (values[`green-${m.id}`] ?? '').trim();
		const a = (values[`amber-${m.id}`] ?? '').trim();
		if (!g && !a) {
			parsed.push({ measureId: m.id, clear: true });
			continue;
		}
		if (!PERCENT.test(g)) {
			errors[`green-${m.id}`] = `Enter the green target for ${m.id} as a percentage from 0 to 100`;
			continue;
		}
		if (!PERCENT.test(a)) {
			errors[`amber-${m.id}`] =
				`Enter the amber threshold for ${m.id} as a percentage from 0 to 100`;
			continue;
		}
		if (Number(a) > Number(g)) {
			errors[`amber-${m.id}`] =
				`The amber threshold for ${m.id} must be at or below its green target`;
			continue;
		}
		parsed.push({ measureId: m.id, green: Number(g), amber: Number(a) });
	}
	if (Object.keys(errors).length) return { errors };
	await db.transaction().execute(async (trx) => {
		for (const p of parsed) {
			if ('clear' in p) await targetRepo.remove(trx, scope.councilId, providerId, p.measureId);
			else
				await targetRepo.upsert(trx, {
					councilId: scope.councilId,
					providerId,
					measureId: p.measureId,
					greenFrom: p.green,
					amberFrom: p.amber,
					userId: user.id
				});
		}
		await record(trx, user.id, 'targets.save', 'council', scope.councilId, {
			provider: providerId,
			targets: parsed.filter((p) => !('clear' in p)).length
		});
	});
	return { errors: {} };
}

export type Targets = (measureId: string, providerId: string | null) => Target | null;

export async function targetsOf(db: DB, councilId: string): Promise<Targets> {
	const rows = await targetRepo.listForCouncil(db, councilId);
	const map = new Map(
		rows.map((r) => [
			`${r.measure_id}|${r.provider_id ?? ''}`,
			{ greenFrom: r.green_from, amberFrom: r.amber_from }
		])
	);
	return (m, p) => (p ? map.get(`${m}|${p}`) : undefined) ?? map.get(`${m}|`) ?? null;
}

/** Whether the view's filters leave any way of answering or source out. */
