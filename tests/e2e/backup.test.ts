import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { scratchSchema } from '../helpers/postgres';
import { startServer, tempDir, type RunningServer } from '../helpers/server';

// Backups as docs/running.md gives them: `pg_dump --format=custom` of the app's database, and
// `pg_restore` into a fresh one. The app must start on the restored copy (same SECRET_KEY) and
// show every figure exactly as before.

const admin = process.env.TEST_DATABASE_URL!;

async function query(url: string, text: string) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return (await client.query(text)).rows;
	} finally {
		await client.end();
	}
}

/** What a provider manager's dashboard exports, and how many rows each table holds. */
async function snapshot(server: RunningServer, url: string) {
	const c = new Client(server.url);
	const r = await c.post('/sign-in', [
		['email', 'manager@example.org'],
		['password', DEMO_PASSWORD]
	]);
	expect(r.location).toBe('/staff');
	const exports: string[] = [];
	for (const page of ['main', 'compare'])
		exports.push((await c.get(`/staff/dashboard/export?page=${page}&format=csv`)).html);
	const tables = await query(
		url,
		`select table_name from information_schema.tables
		 where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`
	);
	const rows: Record<string, number> = {};
	for (const { table_name } of tables)
		rows[table_name] = Number((await query(url, `select count(*) as n from ${table_name}`))[0].n);
	return { exports, rows };
}

describe.runIf(databaseKinds.includes('postgres'))(
	'a backup restored into a fresh PostgreSQL database',
	{ timeout: 300_000 },
	() => {
		const cleanup: (() => Promise<unknown>)[] = [];
		afterAll(async () => {
			for (const step of cleanup.reverse()) await step().catch(() => {});
		});

		it('starts the app with every figure as before', async () => {
			const scratch = await scratchSchema(admin);
			cleanup.push(scratch.drop);
			const env = {
				DATABASE_URL: scratch.url,
				DATA_DIR: tempDir('voices-backup-'),
				SECRET_KEY: randomBytes(32).toString('base64'),
				DEMO_RESPONSES: '400'
			};
			const original = await startServer(env);
			const before = await snapshot(original, scratch.url);
			await original.stop();
			expect(before.exports[0]).toContain('feel_safe');
			expect(before.rows.response).toBeGreaterThanOrEqual(400);

			const schema = new URL(scratch.url).searchParams.get('options')!.split('=')[1]!;
			const file = join(tempDir('voices-dump-'), 'voices.dump');
			execFileSync('pg_dump', ['--format=custom', `--schema=${schema}`, `--file=${file}`, admin]);
			const name = `voices_restore_${randomBytes(4).toString('hex')}`;
			await query(admin, `create database ${name}`);
			cleanup.push(() => query(admin, `drop database ${name} with (force)`));
			const restoredUrl = new URL(admin);
			restoredUrl.pathname = `/${name}`;
			execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, file]);
			restoredUrl.searchParams.set('options', `-c search_path=${schema}`);

			const restored = await startServer({
				...env,
				DATABASE_URL: restoredUrl.toString()
			});
			cleanup.push(() => restored.stop());
			const after = await snapshot(restored, restoredUrl.toString());
			expect(after.exports).toEqual(before.exports);
			// Signing in again adds a session and audit rows; everything else is as it was.
			const { session: s1, audit_event: a1, ...restBefore } = before.rows;
			const { session: s2, audit_event: a2, ...restAfter } = after.rows;
			expect(restAfter).toEqual(restBefore);
			expect([s2, a2].every((n, i) => n! >= [s1, a1][i]!)).toBe(true);
		});
	}
);
