import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { health } from '$lib/server/db/migrate';

// For load balancers and monitoring: 200 when this server can serve (its database answers and
// its migrations are applied), 503 otherwise. No sign-in; it says nothing about any record.
export const GET: RequestHandler = async () => {
	const result = await health((await app()).connection.db);
	return new Response(result.ok ? 'ok\n' : `unavailable: ${result.problem}\n`, {
		status: result.ok ? 200 : 503,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
};
