import { ownValue } from '../../own';
import { RATINGS, REGULATORS } from './entry';
import { orNull, type ItemBuilder, type ItemFigures, type ReturnTable } from './item-figures';

/**
 * The items the provider types into the return: referrals, explanations (beside the placements
 * recorded as broken down), notifiable incidents and the regulator's rating.
 */

type FromEntered = { from: 'entered' };

function count(v: string | undefined): number | null {
	return v && /^\d+$/.test(v) ? Number(v) : null;
}

function typed(rows: ItemFigures['rows'], table?: ReturnTable): ItemFigures {
	return {
		rows,
		...(table ? { table } : {}),
		noData: rows.every((x) => x.value === null) && !table?.rows.length
	};
}

export const referrals: ItemBuilder<FromEntered> = (_item, { entered: e }) =>
	typed([
		{ label: 'Referrals received', value: count(e.referrals_received) },
		{ label: 'Referrals accepted', value: count(e.referrals_accepted) }
	]);

export const explanations: ItemBuilder<FromEntered> = (_item, { entered: e, recorded }) =>
	typed(
		[
			{
				label: 'Referrals that did not lead to a service',
				value: orNull(e.referral_explanation)
			}
		],
		{
			columns: ['Reference', 'Service', 'Placement ended on', 'Why it broke down'],
			identityColumns: 1,
			rows: recorded.brokenDown.map((b) => ({
				childId: b.child_id,
				cells: [null, b.service_name, b.ends_on, b.end_explanation]
			}))
		}
	);

export const incidents: ItemBuilder<FromEntered> = (_item, { entered: e }) =>
	typed([
		{ label: 'Number of notifiable incidents', value: count(e.incidents_count) },
		{ label: 'Summary', value: orNull(e.incidents_summary) }
	]);

export const rating: ItemBuilder<FromEntered> = (_item, { entered: e }) =>
	typed([
		{ label: 'Regulator', value: orNull(ownValue(REGULATORS, e.regulator) ?? '') },
		{ label: 'Annual rating', value: orNull(ownValue(RATINGS, e.annual_rating) ?? '') },
		{ label: 'Annual inspection date', value: orNull(e.annual_rating_on) },
		{ label: 'Interim rating', value: orNull(ownValue(RATINGS, e.interim_rating) ?? '') },
		{ label: 'Interim inspection date', value: orNull(e.interim_rating_on) }
	]);
