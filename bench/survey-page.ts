// `npm run bench:survey`: what one survey question page costs a child's phone (bytes, gzipped)
// and the server (requests per second and latency under 10 connections), compared with a static
// file served by the same process in the same run. PGlite by default; BENCH_DATABASE_URL for
// PostgreSQL too.
import { gzipSync } from 'node:zlib';
import { load, onEachDatabase } from './load';
import * as service from '../src/lib/server/db/service';
import * as invitations from '../src/lib/server/invitations/links';
import { Client } from '../tests/helpers/client';
import { prepare } from '../tests/helpers/prepare';
import { startServer } from '../tests/helpers/server';

const gz = (s: string) => gzipSync(s).length;

async function run(label: string, env: Record<string, string>) {
	const link = await prepare(env, async ({ connection: { db } }) => {
		const [svc] = await service.list(db);
		const issued = await invitations.issue(db, {
			surveyId: 'short-breaks-child-symbols',
			serviceId: svc!.id,
			respondent: 'child',
			source: 'satisfaction_survey',
			expiresAt: new Date(Date.now() + 86400_000),
			isOpen: true
		});
		return `/i/${issued.token}`;
	});
	const server = await startServer(env);
	try {
		const client = new Client(server.url);
		await client.post(link, []);
		const path = '/answer/q/feel_safe';
		const page = await client.follow(path);
		const assets = [...page.html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
		let css = 0;
		let js = 0;
		for (const a of assets) {
			const body = await (await fetch(new URL(a, server.url + path))).text();
			if (a.endsWith('.css')) css += gz(body);
			else js += gz(body);
		}
		const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const base = await load(`${server.url}/answer.js`);
		const q = await load(server.url + path, cookie);
		console.log(`\n${label}: the question page ${path} of short-breaks-child-symbols`);
		console.log(
			`bytes (gzip): HTML with inline symbols ${gz(page.html)}, CSS ${css}, JavaScript ${js}; total ${gz(page.html) + css + js}`
		);
		console.log('| request | req/s | p50 ms | p99 ms | vs static file |');
		console.log('| --- | ---: | ---: | ---: | ---: |');
		console.log(
			`| static /answer.js | ${base.rps.toFixed(0)} | ${base.p50} | ${base.p99} | 1.00 |`
		);
		console.log(
			`| question page | ${q.rps.toFixed(0)} | ${q.p50} | ${q.p99} | ${(q.rps / base.rps).toFixed(2)} |${q.bad ? ` (${q.bad} failed)` : ''}`
		);
	} finally {
		await server.stop();
	}
}

await onEachDatabase(run);
