import { percentText } from '../../percent';
import { type DashboardQuery } from './query';
import { type Context, type Row } from './rows';

export function whoFor(c: Context): string {
	return c.serviceName || c.providerName || c.councilName;
}

export function summarise(groups: { rows: Row[] }[], q: DashboardQuery, c: Context): string {
	const heads = groups.flatMap((g) => g.rows.filter((r) => r.value === null));
	const known = heads.filter((r) => r.figure.percent !== null);
	const hidden = heads.filter((r) => r.figure.suppressed).length;
	if (known.length === 0)
		return `No figures to show for ${whoFor(c)} in ${q.period.label}${hidden ? `: ${hidden} hidden (c) to protect small numbers` : ''}.`;
	const sorted = [...known].sort((a, b) => b.figure.percent! - a.figure.percent!);
	const top = sorted[0]!;
	const low = sorted[sorted.length - 1]!;
	const off = known.filter((r) => r.rag === 'red').length;
	return (
		`${whoFor(c)}, ${q.period.label}: highest ${percentText(top.figure.percent!)} (${top.measure.name}), ` +
		`lowest ${percentText(low.figure.percent!)} (${low.measure.name})` +
		(off ? `; ${off} below amber target` : '') +
		(hidden ? `; ${hidden} hidden (c) to protect small numbers` : '') +
		'.'
	);
}
