import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/lib/server/jobs/all';
import { databaseKinds } from '../helpers/database';
import { scratchSchema } from '../helpers/postgres';
import { startServer, tempDir, type RunningServer } from '../helpers/server';

// /healthz tells a load balancer whether a server can serve: its database answers, its
// migrations are all applied, and its job queue answers with its workers running. It names the
// mail transport too, which never makes it fail.

const get = async (url: string) => {
	const res = await fetch(url);
	return { status: res.status, body: await res.text(), cache: res.headers.get('cache-control') };
};

describe('/healthz on the embedded database', { timeout: 120_000 }, () => {
	let server: RunningServer;
	afterAll(async () => server?.stop());

	it('is 200 once the server has started, without signing in', async () => {
		server = await startServer({ DATA_DIR: tempDir('voices-health-') });
		expect(await get(`${server.url}/healthz`)).toEqual({
			status: 200,
			body: 'ok\n',
			cache: 'no-store'
		});
	});

	it('reports each check apart as JSON, the job queue among them', async () => {
		const res = await fetch(`${server.url}/healthz`, { headers: { accept: 'application/json' } });
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({
			status: 'ok',
			checks: {
				database: { ok: true },
				jobs: { ok: true, detail: `${JOBS.length} workers running` },
				mail: { ok: true, detail: 'none: no notifications are sent' }
			}
		});
	});
});

describe.runIf(databaseKinds.includes('postgres'))(
	'/healthz on PostgreSQL',
	{ timeout: 120_000 },
	() => {
		let server: RunningServer;
		let scratch: Awaited<ReturnType<typeof scratchSchema>>;
		afterAll(async () => {
			await server?.stop();
			await scratch?.drop().catch(() => {});
		});

		it('is 503 when the job queue cannot be reached', async () => {
			const own = await scratchSchema(process.env.TEST_DATABASE_URL!);
			const alone = await startServer({
				DATABASE_URL: own.url,
				DATA_DIR: tempDir('voices-health-'),
				SECRET_KEY: randomBytes(32).toString('base64')
			});
			try {
				expect((await get(`${alone.url}/healthz`)).status).toBe(200);
				const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
				await client.connect();
				await client.query(`drop schema ${own.schema}_jobs cascade`);
				await client.end();
				expect(await get(`${alone.url}/healthz`)).toMatchObject({
					status: 503,
					body: 'unavailable: job queue not reachable\n'
				});
				const res = await fetch(`${alone.url}/healthz`, {
					headers: { accept: 'application/json' }
				});
				expect(await res.json()).toMatchObject({
					status: 'unavailable',
					checks: { database: { ok: true }, jobs: { ok: false } }
				});
			} finally {
				await alone.stop();
				await own.drop();
			}
		});

		it('is 503 when a migration is not applied, and when its schema is gone', async () => {
			scratch = await scratchSchema(process.env.TEST_DATABASE_URL!);
			const env = {
				DATABASE_URL: scratch.url,
				DATA_DIR: tempDir('voices-health-'),
				SECRET_KEY: randomBytes(32).toString('base64')
			};
			server = await startServer(env);
			expect((await get(`${server.url}/healthz`)).status).toBe(200);

			const rollback = spawnSync(
				join('node_modules', '.bin', 'tsx'),
				['src/cli/db.ts', 'rollback'],
				{ env: { ...process.env, ...env, DEMO_DATA: '' }, encoding: 'utf8' }
			);
			expect(rollback.status, rollback.stderr).toBe(0);
			expect(await get(`${server.url}/healthz`)).toMatchObject({
				status: 503,
				body: 'unavailable: 1 migrations not applied\n'
			});

			const schema = new URL(scratch.url).searchParams.get('options')!.split('=')[1]!;
			const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
			await client.connect();
			await client.query(`drop schema ${schema} cascade`);
			await client.end();
			const gone = await get(`${server.url}/healthz`);
			expect(gone.status).toBe(503);
			expect(gone.body).toMatch(/^unavailable: /);

			// A page that needs the database now fails: the person is given an error id, and the
			// log has a JSON line under that id with the error's code, and nothing they sent.
			const page = await fetch(`${server.url}/i/RIV-0042-a-childs-link`, {
				headers: { accept: 'text/html' }
			});
			expect(page.status).toBe(500);
			const errorId = /quote this reference: ([0-9a-f-]{36})/.exec(await page.text())?.[1];
			expect(errorId).toBeTruthy();
			const line = server
				.output()
				.split('\n')
				.find((l) => l.includes(`"errorId":"${errorId}"`));
			expect(line).toBeTruthy();
			expect(JSON.parse(line!)).toMatchObject({
				level: 'error',
				errorId,
				status: 500,
				route: '/i/[token]',
				err: { code: '42P01' }
			});
			expect(server.output()).not.toContain('RIV-0042');
		});
	}
);
