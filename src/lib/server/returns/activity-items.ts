import type { ReturnKind } from '../../domain/return-kinds';
import { HOUR_TYPES, HOUR_TYPE_VALUES } from '../../domain/hour-types';
import type { Period } from '../../calendar/periods';
import { ownValue } from '../../own';
import type { DB } from '../db/connect';
import * as activity from '../db/return-activity';
import {
	IDENTITY,
	round,
	type ItemBuilder,
	type ItemInputs,
	type RecordedActivity
} from './item-figures';

/**
 * The items worked out from what the provider recorded: children and their hours, sessions
 * attended, Break Time activities, cancellations and end of care package reports.
 */

type Child = RecordedActivity['children'][number];
/** Builders here are for items the register says come from recorded activity. */
type FromActivity = { from: 'activity' };

/** The recorded activity a return reads; the monthly claim form has no placements or reports. */
export async function recordedActivity(
	db: DB,
	scope: activity.Scope,
	kind: ReturnKind
): Promise<RecordedActivity> {
	const [children, types, brokenDown, reports] = await Promise.all([
		activity.childrenActivity(db, scope),
		activity.activityTypes(db, scope),
		kind === 'monthly' ? Promise.resolve([]) : activity.placementsBrokenDown(db, scope),
		kind === 'monthly' ? Promise.resolve([]) : activity.packageReports(db, scope)
	]);
	return { children, types, brokenDown, reports };
}

function daysIn(p: Period): number {
	return (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000 + 1;
}

/** Recorded hours that cannot be right: more for one child than there are hours in the period. */
export function hoursProblems(children: Child[], period: Period): string[] {
	const problems: string[] = [];
	const limit = daysIn(period) * 24;
	for (const c of children) {
		const total = HOUR_TYPE_VALUES.reduce((s, k) => s + c.hours[k], 0);
		if (total > limit)
			problems.push(
				`One child’s recorded hours come to ${round(total)}, more than the ${limit} hours in the period; correct their sessions`
			);
	}
	return problems;
}

const sum = (x: ItemInputs, f: (c: Child) => number) =>
	round(x.recorded.children.reduce((s, c) => s + f(c), 0));

export const childrenHours: ItemBuilder<FromActivity> = (_item, x) => {
	const children = x.recorded.children;
	return {
		rows: [
			{ label: 'Children and young people with a care package', value: children.length },
			...HOUR_TYPE_VALUES.map((k) => ({
				label: `${HOUR_TYPES[k]} hours provided`,
				value: sum(x, (c) => c.hours[k])
			}))
		],
		table: {
			columns: [...IDENTITY, ...HOUR_TYPE_VALUES.map((k) => `${HOUR_TYPES[k]} hours`)],
			identityColumns: 3,
			rows: children.map((c) => ({
				childId: c.childId,
				cells: [null, null, null, ...HOUR_TYPE_VALUES.map((k) => round(c.hours[k]))]
			}))
		},
		noData: children.length === 0
	};
};

export const sessionsAttended: ItemBuilder<FromActivity> = (_item, x) => {
	const children = x.recorded.children;
	return {
		rows: [
			{ label: 'Break Time sessions attended', value: sum(x, (c) => c.breakTimeSessions) },
			{
				label: 'Break Time Plus sessions attended',
				value: sum(x, (c) => c.breakTimePlusSessions)
			}
		],
		table: {
			columns: [
				...IDENTITY,
				'Break Time sessions',
				'Break Time hours',
				'Break Time Plus sessions',
				'Break Time Plus hours'
			],
			identityColumns: 3,
			rows: children
				.filter((c) => c.breakTimeSessions + c.breakTimePlusSessions > 0)
				.map((c) => ({
					childId: c.childId,
					cells: [
						null,
						null,
						null,
						c.breakTimeSessions,
						round(c.hours.break_time_hours),
						c.breakTimePlusSessions,
						round(c.hours.break_time_plus_hours)
					]
				}))
		},
		noData: children.length === 0
	};
};

export const activityTypes: ItemBuilder<FromActivity> = (_item, x) => ({
	rows: x.recorded.types.map((t) => ({ label: t.activity, value: t.sessions })),
	noData: x.recorded.types.length === 0
});

export const cancellations: ItemBuilder<FromActivity> = (_item, x) => ({
	rows: [
		{ label: 'a) Cancelled by the provider', value: sum(x, (c) => c.cancelledByProvider) },
		{ label: 'b) Cancelled by the family', value: sum(x, (c) => c.cancelledByFamily) }
	],
	noData: x.recorded.children.length === 0
});

const OUTCOME: Record<string, string> = {
	achieved: 'Achieved',
	partly: 'Partly achieved',
	not_achieved: 'Not achieved'
};

function outcomeText(v: string | null): string | null {
	return v ? (ownValue(OUTCOME, v) ?? v) : null;
}

export const evaluations: ItemBuilder<{ from: 'reports' }> = (_item, x) => {
	const reports = x.recorded.reports;
	return {
		rows: [{ label: 'End of care package reports completed', value: reports.length }],
		table: {
			columns: ['Reference', 'Service', 'Report completed on', 'Outcomes', 'Evaluation'],
			identityColumns: 1,
			rows: reports.map((r) => ({
				childId: r.childId,
				cells: [null, r.serviceName, r.completedOn, outcomeText(r.overall), r.evaluation]
			}))
		},
		noData: reports.length === 0
	};
};
