// `npm run bench:staff`: the staff pages as a signed-in provider (each request looks up the session
// in the database, and a children list also writes an audit row), and how long a sign-in takes
// (argon2id on purpose makes each check slow). Compared with a static file in the same run.
import { DEMO_PASSWORD } from '../src/lib/server/demo/accounts';
import { load, onEachDatabase } from './load';
import { startServer } from '../tests/helpers/server';

async function signIn(url: string): Promise<{ cookie: string; ms: number }> {
	const started = performance.now();
	const res = await fetch(`${url}/sign-in`, {
		method: 'POST',
		headers: {
			origin: url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email: 'staff@example.org', password: DEMO_PASSWORD }),
		redirect: 'manual'
	});
	const ms = performance.now() - started;
	const cookie = res.headers.getSetCookie().find((h) => h.startsWith('voices_staff='));
	if (!cookie) throw new Error(`Sign-in failed: ${res.status}`);
	return { cookie: cookie.split(';')[0]!, ms };
}

async function run(label: string, env: Record<string, string>) {
	const server = await startServer(env);
	try {
		const times: number[] = [];
		let cookie = '';
		for (let i = 0; i < 10; i++) ({ cookie, ms: times[i] } = await signIn(server.url));
		times.sort((a, b) => a - b);
		console.log(`\n${label}: sign-in (argon2id check) median ${times[5]!.toFixed(0)} ms over 10`);
		console.log('| path | req/s | p50 ms | p99 ms | vs static file |');
		console.log('| --- | ---: | ---: | ---: | ---: |');
		let baseline = 0;
		for (const path of ['/favicon.svg', '/staff', '/staff/children', '/staff/alerts']) {
			const r = await load(server.url + path, cookie);
			if (!baseline) baseline = r.rps;
			console.log(
				`| ${path} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / baseline).toFixed(2)} |${r.bad ? ` ${r.bad} errors` : ''}`
			);
		}
	} finally {
		await server.stop();
	}
}

await onEachDatabase(run);
