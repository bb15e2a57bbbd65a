import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { record } from '$lib/server/audit';
import { exportRows } from '$lib/server/exports/rows';
import { toCsv, toXlsx } from '$lib/server/exports/dashboard';
import { openDashboard } from '$lib/server/dashboard/page';

/** Any dashboard view as CSV or Excel, with the columns README documents. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const format = url.searchParams.get('format');
	const view = url.searchParams.get('page');
	if (format !== 'csv' && format !== 'xlsx') error(400, 'Choose csv or xlsx as the format');
	if (view !== 'main' && view !== 'compare' && view !== 'trend')
		error(400, 'Choose main, compare or trend as the page');
	const page = await openDashboard(locals, url);
	if (page.errors.length) error(400, page.errors.map((e) => e.message).join('. '));
	const rows = await exportRows(page, view);
	await record(page.db, page.user.id, 'dashboard.export', 'council', page.scope.councilId, {
		format,
		page: view,
		rows: rows.length
	});
	const name = `voices-${view}-${page.query.period.key.replace(/[^\w.-]/g, '_')}`;
	if (format === 'csv') {
		return new Response(toCsv(rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${name}.csv"`
			}
		});
	}
	return new Response(new Uint8Array(await toXlsx(rows)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}.xlsx"`
		}
	});
};
