// `npm run bench:speech`: what "Read to me" costs when the device has no voice and the server
// reads instead. For pages of short-breaks-child-symbols in each language: the page's own bytes
// (HTML gzipped, with its speech keys), the audio a whole reading fetches, and the time to first
// sound as the server sees it: the first part's file made on first use (eSpeak NG in the worker,
// then stored) and served from the cache afterwards. PGlite by default; BENCH_DATABASE_URL for
// PostgreSQL too.
import { gzipSync } from 'node:zlib';
import { onEachDatabase } from './load';
import * as service from '../src/lib/server/db/service';
import * as invitations from '../src/lib/server/invitations/links';
import { SPEECH_FORMAT } from '../src/lib/speech/voices';
import { Client } from '../tests/helpers/client';
import { prepare } from '../tests/helpers/prepare';
import { startServer } from '../tests/helpers/server';

const PAGES = ['/code', '/answer/q/welcome', '/answer/q/feel_safe', '/answer/q/favourite_activity'];

async function timed(url: string): Promise<{ ms: number; bytes: number }> {
	const started = performance.now();
	const res = await fetch(url);
	if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
	const bytes = (await res.arrayBuffer()).byteLength;
	return { ms: performance.now() - started, bytes };
}

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
		console.log(`\n${label}: "Read to me" from the server, short-breaks-child-symbols`);
		console.log(
			'| language | page | HTML gzip | parts | audio bytes | seconds of speech | first sound, first use ms | first sound, cached ms |'
		);
		console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
		const made: number[] = [];
		for (const lang of ['en', 'pl', 'ur']) {
			const client = new Client(server.url);
			await client.get(`${link}?lang=${lang}`);
			await client.post(link, []);
			for (const path of PAGES) {
				const page = await client.follow(path);
				const keys = [...page.html.matchAll(/data-speech="([0-9a-f]{32})"/g)].map((m) => m[1]!);
				const url = (k: string) => `${server.url}/speech/${k}.${SPEECH_FORMAT.extension}`;
				const first = await timed(url(keys[0]!));
				made.push(first.ms);
				let bytes = first.bytes;
				for (const k of keys.slice(1)) {
					const t = await timed(url(k));
					made.push(t.ms);
					bytes += t.bytes;
				}
				const cached = await timed(url(keys[0]!));
				const seconds = (bytes * 8) / (SPEECH_FORMAT.kbps * 1000);
				console.log(
					`| ${lang} | ${path} | ${gzipSync(page.html).length} | ${keys.length} | ${bytes} | ${seconds.toFixed(1)} | ${first.ms.toFixed(0)} | ${cached.ms.toFixed(1)} |`
				);
			}
		}
		made.sort((a, b) => a - b);
		const median = made[Math.floor(made.length / 2)]!;
		console.log(
			`Making one part's audio on first use (request to last byte): median ${median.toFixed(0)} ms, slowest ${made.at(-1)!.toFixed(0)} ms over ${made.length} parts.`
		);
	} finally {
		await server.stop();
	}
}

await onEachDatabase(run);
