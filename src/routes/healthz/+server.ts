import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { health } from '$lib/server/health';

// For load balancers and monitoring: 200 when this server can serve (its database answers, its
// migrations are applied, its job queue answers and its workers run), 503 otherwise: "ok", or
// what is wrong, as text; each check apart as JSON when asked for (Accept: application/json).
// No sign-in; it says nothing about any record.
export const GET: RequestHandler = async ({ request }) => {
	const result = await health(await app());
	const status = result.ok ? 200 : 503;
	const headers = { 'cache-control': 'no-store' };
	if (request.headers.get('accept')?.includes('application/json'))
		return Response.json(
			{ status: result.ok ? 'ok' : 'unavailable', checks: result.checks },
			{ status, headers }
		);
	return new Response(result.ok ? 'ok\n' : `unavailable: ${result.problems.join('; ')}\n`, {
		status,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
};
