import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { DEMO_GROUP_TOKEN, DEMO_INVITATIONS } from '../../src/lib/server/demo/seed';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { failingStart, startServer, tempDir, type RunningServer } from '../helpers/server';
import { scratchSchema } from '../helpers/postgres';

// A council's own installation, set up as docs/running.md says: an https address, no demo data
// asked for, the first administrator from `npm run user:create`. No demo account, code or link
// may work, and nothing of the demo may be printed.

const PUBLIC = 'https://voices.council.example';
const tsx = join('node_modules', '.bin', 'tsx');

/** The environment a real installation has: DEMO_DATA not set at all. */
function realEnv(extra: Record<string, string | undefined>) {
	const env: Record<string, string | undefined> = { ...process.env, DEMO_RESPONSES: '0' };
	delete env.DEMO_DATA;
	return { ...env, ...extra };
}

const cli = (args: string[], env: Record<string, string | undefined>) =>
	spawnSync(tsx, args, { env: realEnv(env), encoding: 'utf8' });

describe.each(databaseKinds)('a real installation on %s', { timeout: 300_000 }, (kind) => {
	let server: RunningServer;
	let target: Record<string, string>;
	let drop = async () => {};
	let setUp: ReturnType<typeof cli>;

	beforeAll(async () => {
		const dataDir = tempDir('voices-real-');
		if (kind === 'postgres') {
			const scratch = await scratchSchema(process.env.TEST_DATABASE_URL!);
			// A shared database is given its key, as the set-up in docs/running.md says.
			target = {
				DATABASE_URL: scratch.url,
				DATA_DIR: dataDir,
				SECRET_KEY: randomBytes(32).toString('base64')
			};
			drop = scratch.drop;
		} else target = { DATABASE_URL: '', DATA_DIR: dataDir };
		setUp = cli(
			['src/cli/user-create.ts', '--email', 'it.admin@council.example', '--name', 'Real Admin'],
			{ ...target, ORIGIN: PUBLIC }
		);
		server = await startServer({ ...target, ORIGIN: PUBLIC, DEMO_DATA: undefined });
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	it('makes the first administrator and prints only their link', () => {
		expect(setUp.stderr).toBe('');
		expect(setUp.status).toBe(0);
		expect(setUp.stdout).toMatch(new RegExp(`${PUBLIC}/reset/[\\w-]{43}`));
		for (const text of [DEMO_PASSWORD, 'authenticator key', 'example.org', 'Demo'])
			expect(setUp.stdout + server.output()).not.toContain(text);
	});

	it('refuses every demo account, code and link', async () => {
		const client = new Client(server.url, { origin: PUBLIC });
		for (const a of DEMO_ACCOUNTS) {
			const r = await client.post('/sign-in', [
				['email', a.email],
				['password', DEMO_PASSWORD]
			]);
			expect(r.status).toBe(400);
			expect(r.location).toBeNull();
		}
		for (const d of DEMO_INVITATIONS) {
			const r = await client.post('/code', [['code', d.code]]);
			expect(r.status).toBe(400);
			expect(r.location).toBeNull();
		}
		expect((await client.get(`/i/${DEMO_GROUP_TOKEN}`)).status).toBe(404);
	});

	it('holds no organisation and one account', async () => {
		const counts: Record<string, number> = {};
		const tables = ['council', 'provider', 'invitation', 'app_user'];
		if (kind === 'postgres') {
			const db = new pg.Client({ connectionString: target.DATABASE_URL });
			await db.connect();
			for (const t of tables)
				counts[t] = Number((await db.query(`select count(*) as n from ${t}`)).rows[0].n);
			await db.end();
		} else {
			// PGlite is one process's: stop the server to look, then start it again.
			await server.stop();
			const { connect } = await import('../../src/lib/server/db/connect');
			const c = await connect({ dataDir: join(target.DATA_DIR!, 'pglite') });
			for (const t of tables)
				counts[t] = Number(
					(
						await c.db
							.selectFrom(t as 'council')
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			await c.close();
			expect(statSync(join(target.DATA_DIR!, 'secret-key')).mode & 0o077).toBe(0);
			server = await startServer({ ...target, ORIGIN: PUBLIC, DEMO_DATA: undefined });
		}
		expect(counts).toEqual({ council: 0, provider: 0, invitation: 0, app_user: 1 });
	});

	// The embedded database keeps its key in its own folder, so only a shared server can be
	// given another key.
	it.runIf(kind === 'postgres')(
		'refuses to start with another application key than the one it was set up with',
		async () => {
			const other = { ...target, DATA_DIR: tempDir('voices-other-key-'), ORIGIN: PUBLIC };
			const refused = await failingStart(realEnv({ ...other, SECRET_KEY: 'a'.repeat(64) }));
			expect(refused.code).not.toBe(0);
			expect(refused.output).toContain('SECRET_KEY is not the key this database was set up with');
		}
	);
});
// Each of these starts the app several times on a new database: generous limits, so that a busy
// machine makes them slow, not red.
describe('demo data at an https address', { timeout: 300_000 }, () => {
	it('is refused unless THIS_IS_A_DEMO=yes says it is a demo', async () => {
		const dataDir = tempDir('voices-demo-https-');
		const asked = await failingStart(
			realEnv({ DATA_DIR: dataDir, ORIGIN: PUBLIC, DEMO_DATA: 'on' })
		);
		expect(asked.code).not.toBe(0);
		expect(asked.output).toContain('THIS_IS_A_DEMO=yes');
		// A database that already holds the demo, started again at an https address.
		const demo = await startServer({ DATA_DIR: dataDir, DEMO_DATA: 'on' });
		await demo.stop();
		const later = await failingStart(realEnv({ DATA_DIR: dataDir, ORIGIN: PUBLIC }));
		expect(later.code).not.toBe(0);
		expect(later.output).toContain('Found: demo account admin@example.org');
		const allowed = await startServer({
			DATA_DIR: dataDir,
			ORIGIN: PUBLIC,
			DEMO_DATA: undefined,
			THIS_IS_A_DEMO: 'yes'
		});
		await allowed.stop();
	});

	it('is added by no command unless asked for', () => {
		const env = { DATA_DIR: tempDir('voices-no-demo-'), DATABASE_URL: '' };
		const invite = cli(
			['src/cli/invite.ts', '--survey', 'short-breaks-carer', '--service', 'Riverside Break Time'],
			env
		);
		expect(invite.status).toBe(2);
		expect(invite.stderr).toContain('--service must name one service');
		expect(invite.stderr).not.toContain('Riverside');
		const retention = cli(['src/cli/retention.ts'], env);
		expect(retention.status).toBe(0);
		expect(retention.stdout).toContain('0 inactive children erased');
	});
});

describe('the embedded database', { timeout: 300_000 }, () => {
	let server: RunningServer;
	const dataDir = tempDir('voices-lock-');
	beforeAll(async () => {
		server = await startServer({ DATA_DIR: dataDir });
	});
	afterAll(() => server?.stop());

	it('is opened by one process only: a command beside the running server is refused', async () => {
		const invite = cli(
			['src/cli/invite.ts', '--survey', 'short-breaks-carer', '--service', 'Riverside Break Time'],
			{ DATA_DIR: dataDir, DATABASE_URL: '' }
		);
		expect(invite.status).not.toBe(0);
		expect(invite.stderr).toContain('is in use by another process');
		expect(invite.stderr).toContain('stop the server');
		expect(invite.stdout).not.toMatch(/\/i\//);
		// The server still answers, and its demo codes still work.
		const client = new Client(server.url);
		const r = await client.post('/code', [['code', DEMO_INVITATIONS[0].code]]);
		expect(r.status).toBe(303);
	});

	it('keeps short codes only as keyed hashes', async () => {
		await server.stop();
		const { connect } = await import('../../src/lib/server/db/connect');
		const c = await connect({ dataDir: join(dataDir, 'pglite') });
		try {
			const rows = await c.db.selectFrom('invitation').select('code_hash').execute();
			const plain = createHash('sha256').update(DEMO_INVITATIONS[0].code).digest('hex');
			expect(rows.length).toBeGreaterThan(0);
			for (const r of rows) if (r.code_hash) expect(r.code_hash).toMatch(/^k1:[0-9a-f]{64}$/);
			expect(rows.map((r) => r.code_hash)).not.toContain(plain);
			const users = await c.db.selectFrom('app_user').select('totp_secret').execute();
			const secrets = users.map((u) => u.totp_secret).filter(Boolean);
			expect(secrets.length).toBeGreaterThan(0);
			for (const s of secrets) expect(s).toMatch(/^enc1:/);
		} finally {
			await c.close();
		}
		server = await startServer({ DATA_DIR: dataDir });
	});
});
