import type { StaffUser } from '../auth/sessions';
import { can } from '../access/policy';
import * as alertRepo from '../db/alert';
import * as childRepo from '../db/child';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import { toCount } from '../db/count';
import * as invitationRepo from '../db/invitation';
import * as providerRepo from '../db/provider';
import type { ReturnDueDays } from '../returns/deadlines';
import { owedReturns, type OwedReturn } from '../returns/owed';
import { ukDate } from '../../calendar/dates';
import { quarter } from '../../calendar/periods';
import { addWorkingDays } from '../../calendar/working-days';

/** One thing the person signed in may need to do, counted, with where to do it. */
export interface ToDo {
	text: string;
	href: string;
	/** Past its time: shown first and marked. */
	late: boolean;
}

export interface HomeSummary {
	organisation: string | null;
	/** What needs doing, latest first; empty when nothing does. */
	toDo: ToDo[];
	children?: number;
	providers?: { name: string; completed: number }[];
}

/** Returns due within this many working days are listed as coming up. */
export const DUE_SOON_WORKING_DAYS = 10;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Returns overdue and due soon, as the home page lists them. */
function returnsToDo(owed: OwedReturn[], today: string, who: 'provider' | 'council'): ToDo[] {
	const open = owed.filter((r) => r.status !== 'submitted' && r.status !== 'accepted');
	const overdue = open.filter((r) => r.overdue);
	const soonBy = addWorkingDays(today, DUE_SOON_WORKING_DAYS);
	const soon = open
		.filter((r) => !r.overdue && r.dueOn <= soonBy)
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
	const items: ToDo[] = [];
	if (overdue.length)
		items.push({
			text:
				who === 'provider'
					? `${plural(overdue.length, 'return is', 'returns are')} overdue`
					: `${plural(overdue.length, 'return is', 'returns are')} overdue from providers`,
			href: '/staff/returns',
			late: true
		});
	if (soon.length)
		items.push({
			text: `${plural(soon.length, 'return is', 'returns are')} due in the next ${DUE_SOON_WORKING_DAYS} working days, the first on ${ukDate(soon[0]!.dueOn)}`,
			href: '/staff/returns',
			late: false
		});
	return items;
}

/**
 * Counts only: the home page shows no child's details, so it needs no audit entry. `today` is the
 * UK date; `days` the returns' due days.
 */
export async function summary(
	db: DB,
	user: StaffUser,
	now: Date,
	today: string,
	days: ReturnDueDays
): Promise<HomeSummary> {
	if (user.providerId) {
		const period = quarter(today);
		const [provider, children, alerts, invitations, heard, owed] = await Promise.all([
			providerRepo.find(db, user.providerId),
			childRepo.countForProvider(db, user.providerId),
			alertRepo.openCountsForProvider(db, user.providerId, now),
			invitationRepo.notStartedCount(db, user.providerId, now),
			childRepo.heardCounts(db, user.providerId, period),
			can(user.role, 'returns.fill_in') ? owedReturns(db, user, today, days) : []
		]);
		const open = toCount(alerts.open);
		const overdue = toCount(alerts.overdue);
		const notHeard = toCount(heard.notHeard);
		const waiting = toCount(invitations.n);
		const toDo: ToDo[] = [];
		if (overdue)
			toDo.push({
				text: `${plural(overdue, 'safeguarding alert is', 'safeguarding alerts are')} past the time to acknowledge ${overdue === 1 ? 'it' : 'them'}`,
				href: '/staff/alerts',
				late: true
			});
		if (open > overdue)
			toDo.push({
				text: `${plural(open - overdue, 'safeguarding alert is', 'safeguarding alerts are')} waiting to be acknowledged`,
				href: '/staff/alerts',
				late: false
			});
		toDo.push(...returnsToDo(owed, today, 'provider'));
		if (notHeard)
			toDo.push({
				text: `${notHeard} of ${plural(toCount(heard.withPackage), 'child', 'children')} with a care package in ${period.label} ${notHeard === 1 ? 'has' : 'have'} not answered a survey yet`,
				href: '/staff/children',
				late: false
			});
		if (waiting)
			toDo.push({
				text: `${plural(waiting, 'invitation has', 'invitations have')} not been started yet`,
				href: '/staff/invitations',
				late: false
			});
		return {
			organisation: provider?.name ?? null,
			toDo: [...toDo.filter((t) => t.late), ...toDo.filter((t) => !t.late)],
			children: toCount(children.n)
		};
	}
	if (user.councilId) {
		const [council, providers, owed] = await Promise.all([
			councilRepo.find(db, user.councilId),
			providerRepo.completedForCouncil(db, user.councilId),
			can(user.role, 'returns.decide') ? owedReturns(db, user, today, days) : []
		]);
		const toCheck = owed.filter((r) => r.status === 'submitted').length;
		const toDo: ToDo[] = returnsToDo(owed, today, 'council').filter((t) => t.late);
		if (toCheck)
			toDo.push({
				text: `${plural(toCheck, 'return is', 'returns are')} waiting for you to accept or send back`,
				href: '/staff/returns',
				late: false
			});
		return {
			organisation: council?.name ?? null,
			toDo,
			providers: providers.map((p) => ({ name: p.name, completed: toCount(p.completed) }))
		};
	}
	return { organisation: null, toDo: [] };
}
