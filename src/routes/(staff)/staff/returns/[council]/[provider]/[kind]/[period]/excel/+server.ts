import type { RequestHandler } from './$types';
import { RETURN_KINDS } from '$lib/domain/return-kinds';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { toXlsx } from '$lib/server/returns/excel';
import * as returns from '$lib/server/returns/service';

/** A return (the latest revision, or the one asked for) as an Excel file. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requireAccess(locals, 'returns.view');
	const { connection, config } = await app();
	const db = connection.db;
	const o = await returns.open(db, user, params);
	const v = await returns.view(
		db,
		user,
		o,
		config.suppressionThreshold,
		url.searchParams.get('revision')
	);
	const title = `${RETURN_KINDS[o.kind]}${v.revision !== null ? `, revision ${v.revision}` : ', draft'}`;
	const name = `${o.kind}-return-${o.period.key}${v.revision !== null ? `-r${v.revision}` : ''}`;
	return new Response(new Uint8Array(await toXlsx(v.assembled, title)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${name}.xlsx"`
		}
	});
};
