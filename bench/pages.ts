// `npm run bench`: how fast the built app starts and serves its pages, on embedded PGlite and
// (with BENCH_DATABASE_URL) on PostgreSQL. Each page is compared with a static file served by the
// same process in the same run, so the ratios hold on any machine.
import { gzipSync } from 'node:zlib';
import { load, onEachDatabase } from './load';
import { startServer } from '../tests/helpers/server';

const paths = ['/favicon.svg', '/', '/surveys', '/measures'];

async function run(label: string, env: Record<string, string>) {
	let started = Date.now();
	let server = await startServer(env);
	const firstStart = Date.now() - started;
	await server.stop();
	started = Date.now();
	server = await startServer(env);
	const restart = Date.now() - started;
	console.log(`\n${label}: first start (migrate, seed) ${firstStart} ms; restart ${restart} ms`);
	console.log('| path | req/s | p50 ms | p99 ms | vs static file | HTML gzip bytes | JS bytes |');
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
	let baseline = 0;
	for (const path of paths) {
		const body = await (await fetch(server.url + path)).text();
		const scripts = (body.match(/<script/g) ?? []).length;
		const r = await load(server.url + path);
		if (path === paths[0]) baseline = r.rps;
		const ratio = (r.rps / baseline).toFixed(2);
		console.log(
			`| ${path} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${ratio} | ${gzipSync(body).length} | ${scripts ? 'scripts!' : 0} |${r.bad ? ` ${r.bad} errors` : ''}`
		);
	}
	await server.stop();
}

await onEachDatabase(run);
