import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { health } from '$lib/server/health';

// For load balancers and monitoring: 200 when this server can serve (its database answers, its
// migrations are applied, its job queue answers and its workers run), 503 otherwise: "ok", or
// what is wrong, as text; each check apart as JSON when asked for (Accept: application/json).
// Mail that cannot go is reported ("ok, but …", JSON status "degraded") and stays 200: a server
// without mail still serves children. No sign-in; it says nothing about any record.
export const GET: RequestHandler = async ({ request }) => {
	const result = await health(await app());
	const status = result.ok ? 200 : 503;
	const headers = { 'cache-control': 'no-store' };
	if (request.headers.get('accept')?.includes('application/json'))
		return Response.json(
			{
				status: !result.ok ? 'unavailable' : result.warnings.length ? 'degraded' : 'ok',
				checks: result.checks
			},
			{ status, headers }
		);
	const text = !result.ok
		? `unavailable: ${result.problems.join('; ')}`
		: result.warnings.length
			? `ok, but: ${result.warnings.join('; ')}`
			: 'ok';
	return new Response(`${text}\n`, {
		status,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
};
