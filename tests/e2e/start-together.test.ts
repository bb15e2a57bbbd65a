import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { DEMO_ACCOUNTS } from '../../src/lib/server/demo/accounts';
import { databaseKinds } from '../helpers/database';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { scratchSchema } from '../helpers/postgres';

// Several app servers behind a load balancer share one PostgreSQL. Started at once on an empty
// database, as after a first deployment or an upgrade, they must all come up, and the
// migrations and the demo data must be applied once, not once per server.

const SERVERS = 3;

/** Row counts of the tables a start fills, in the schema `url` works in. */
async function counts(url: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const count = async (table: string) =>
			Number((await client.query(`select count(*) as n from ${table}`)).rows[0].n);
		return {
			migrations: await count('kysely_migration'),
			councils: await count('council'),
			providers: await count('provider'),
			services: await count('service'),
			accounts: await count('app_user'),
			surveyVersions: await count('survey_version'),
			measures: await count('measure'),
			invitations: await count('invitation')
		};
	} finally {
		await client.end();
	}
}

describe.runIf(databaseKinds.includes('postgres'))(
	'app servers starting at once on an empty PostgreSQL database',
	{ timeout: 300_000 },
	() => {
		const drops: (() => Promise<void>)[] = [];
		const servers: RunningServer[] = [];
		afterAll(async () => {
			await Promise.all(servers.map((s) => s.stop()));
			for (const drop of drops) await drop();
		});

		const env = async () => {
			const scratch = await scratchSchema(process.env.TEST_DATABASE_URL!);
			drops.push(scratch.drop);
			return {
				url: scratch.url,
				env: {
					DATABASE_URL: scratch.url,
					DATA_DIR: tempDir('voices-together-'),
					SECRET_KEY: randomBytes(32).toString('base64')
				}
			};
		};

		it('all start, and migrate and seed the database once', async () => {
			const alone = await env();
			servers.push(await startServer(alone.env));
			const together = await env();
			// The same key for every server, as docs/running.md says.
			const started = await Promise.allSettled(
				Array.from({ length: SERVERS }, () => startServer(together.env))
			);
			for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
			expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(
				Array(SERVERS).fill('started')
			);
			const once = await counts(together.url);
			expect(once.migrations).toBe(Object.keys(migrations).length);
			expect(once.accounts).toBe(DEMO_ACCOUNTS.length);
			// Everything else as one server alone makes it.
			expect(once).toEqual(await counts(alone.url));
			for (const s of servers) expect((await fetch(`${s.url}/`)).status).toBe(200);
		});
	}
);
