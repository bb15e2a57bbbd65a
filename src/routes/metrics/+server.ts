import { error } from '@sveltejs/kit';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { registry } from '$lib/server/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

// For Prometheus: only when METRICS_TOKEN is set (not found otherwise), and only with it as a
// bearer token. Counts and times of this server process; nothing about any person.
export const GET: RequestHandler = async ({ request }) => {
	const token = (await app()).config.metricsToken;
	if (!token) error(404, 'Not found');
	const given = /^Bearer (\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
	// Compared as digests: the same length whatever was sent, in constant time.
	if (!timingSafeEqual(digest(given), digest(token)))
		return new Response('A bearer token is needed\n', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' }
		});
	return new Response(await registry.metrics(), {
		headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' }
	});
};
