import type { StaffUser } from '../auth/sessions';
import type { DB } from '../db/connect';
import * as userRepo from '../db/user';
import { deliver } from '../mail/deliver';
import { mailer } from '../mail/mailer';
import * as texts from '../mail/texts';
import { owedReturns, type OwedReturn } from '../returns/owed';
import type { ReturnDueDays } from '../returns/deadlines';
import { ukToday } from '../../calendar/dates';
import { parsePeriodKey } from '../../calendar/periods';
import { addWorkingDays } from '../../calendar/working-days';

/** A provider's managers hear of a return this many working days before it is due. */
export const REMINDER_WORKING_DAYS = 3;

const pathOf = (r: { councilId: string; providerId: string; kind: string; periodKey: string }) =>
	`/staff/returns/${r.councilId}/${r.providerId}/${r.kind}/${r.periodKey}`;

export interface ReturnEvent {
	returnId: string;
	revision: number;
	event: 'submitted' | 'returned';
}

/**
 * A return submitted goes to the council's commissioners; one sent back, to the provider's
 * managers. Each revision's news goes once.
 */
export async function tellOtherSide(db: DB, e: ReturnEvent, now: Date): Promise<void> {
	const r = await db
		.selectFrom('provider_return')
		.innerJoin('council', 'council.id', 'provider_return.council_id')
		.innerJoin('provider', 'provider.id', 'provider_return.provider_id')
		.select([
			'provider_return.council_id as councilId',
			'provider_return.provider_id as providerId',
			'provider_return.kind',
			'provider_return.period_key as periodKey',
			'council.name as councilName',
			'provider.name as providerName'
		])
		.where('provider_return.id', '=', e.returnId)
		.executeTakeFirst();
	if (!r) return;
	const about: texts.ReturnAbout = {
		...r,
		periodLabel: parsePeriodKey(r.periodKey)?.label ?? r.periodKey,
		dueOn: '',
		path: pathOf(r)
	};
	const { origin } = mailer();
	const [kind, to, text] =
		e.event === 'submitted'
			? ([
					'return.submitted',
					await userRepo.listCouncilRole(db, r.councilId, 'commissioner'),
					texts.returnSubmitted(origin, about)
				] as const)
			: ([
					'return.sent_back',
					await userRepo.listRole(db, r.providerId, ['provider_manager']),
					texts.returnSentBack(origin, about)
				] as const);
	for (const { id } of to)
		await deliver(
			db,
			{ key: `${kind}:${e.returnId}:${e.revision}:${id}`, kind, userId: id, text },
			now
		);
}

/** Which reminder a return owed today calls for, if any, and the key that makes it go once. */
function reminderOf(r: OwedReturn, today: string) {
	if (r.status === 'submitted' || r.status === 'accepted') return null;
	const id = `${r.councilId}:${r.providerId}:${r.kind}:${r.periodKey}`;
	if (r.overdue) return { kind: 'return.overdue' as const, key: `return.overdue:${id}` };
	if (r.dueOn === today) return { kind: 'return.due' as const, key: `return.due_today:${id}` };
	if (today < r.dueOn && r.dueOn <= addWorkingDays(today, REMINDER_WORKING_DAYS))
		return { kind: 'return.due' as const, key: `return.due_soon:${id}` };
	return null;
}

/**
 * Each morning: every provider manager hears of each return of theirs due within a few working
 * days, due today, or overdue, once each, from the same list of returns owed the returns page shows.
 */
export async function returnReminders(db: DB, now: Date, days: ReturnDueDays): Promise<void> {
	const today = ukToday(now);
	const { origin } = mailer();
	const managers = await db
		.selectFrom('app_user')
		.selectAll()
		.where('role', '=', 'provider_manager')
		.where('provider_id', 'is not', null)
		.where('disabled_at', 'is', null)
		.execute();
	for (const m of managers) {
		const user: StaffUser = {
			id: m.id,
			email: m.email,
			displayName: m.display_name,
			role: m.role,
			councilId: m.council_id,
			providerId: m.provider_id,
			hasTotp: m.totp_secret !== null
		};
		for (const r of await owedReturns(db, user, today, days)) {
			const reminder = reminderOf(r, today);
			if (!reminder) continue;
			const about = { ...r, path: pathOf(r) };
			const text =
				reminder.kind === 'return.overdue'
					? texts.returnOverdue(origin, about)
					: texts.returnDue(origin, about, r.dueOn === today);
			await deliver(
				db,
				{ key: `${reminder.key}:${m.id}`, kind: reminder.kind, userId: m.id, text },
				now
			);
		}
	}
}
