import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measures } from '../../src/lib/server/catalogue/measures';
import { databaseKinds } from '../helpers/database';
import { serverTarget } from '../helpers/target';
import { failingStart, startServer, tempDir, type RunningServer } from '../helpers/server';

// The built app over real HTTP, on embedded PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
describe.each(databaseKinds)('the running app on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let dropSchema = async () => {};

	beforeAll(async () => {
		({ env, drop: dropSchema } = await serverTarget(kind));
		server = await startServer(env);
	});
	afterAll(async () => {
		await server?.stop();
		await dropSchema();
	});

	const get = (path: string, headers: Record<string, string> = {}) =>
		fetch(server.url + path, { headers });

	it('says where to open it and which database it uses', () => {
		expect(server.output()).toContain(`Open ${server.url} in a browser.`);
		expect(server.output()).toContain(
			kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PostgreSQL'
		);
	});

	it('serves a home page that links to every area that exists', async () => {
		const res = await get('/');
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('<html lang="en" dir="ltr"');
		expect(html).toMatch(/href="\.?\/surveys"/);
		expect(html).toMatch(/href="\.?\/measures"/);
		expect(html).not.toMatch(/<script/);
	});

	it('lists the five shipped surveys, each with one recorded version', async () => {
		const html = await (await get('/surveys')).text();
		for (const title of [
			'My short break',
			'My short breaks',
			'My life in my home',
			'End of care package review'
		]) {
			expect(html).toContain(title);
		}
		expect(html.match(/<section class="survey"/g)).toHaveLength(5);
	});

	it('lists every measure in the catalogue with its label', async () => {
		const html = await (await get('/measures')).text();
		for (const m of measures) expect(html).toContain(`<code>${m.id}</code>`);
		expect(html).toContain('% of children and young people who feel safe during their short break');
	});

	it('speaks Urdu right to left, and remembers the choice', async () => {
		const res = await get('/?lang=ur');
		expect(await res.text()).toContain('<html lang="ur" dir="rtl"');
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/^lang=ur;/);
		expect(cookie).toMatch(/HttpOnly/i);
		const again = await get('/measures', { cookie: 'lang=ur' });
		expect(await again.text()).toContain('<html lang="ur" dir="rtl"');
		const polish = await get('/', { 'accept-language': 'pl-PL,pl;q=0.9,en;q=0.5' });
		expect(await polish.text()).toContain('<html lang="pl" dir="ltr"');
	});

	it('sends security headers: no inline script, no framing', async () => {
		const res = await get('/');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'(;|$)/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('strict-transport-security')).toBeNull();
	});

	it('keeps staff and answer pages out of caches, and lets public pages be cached', async () => {
		for (const path of ['/sign-in', '/code', '/staff', '/answer'])
			expect((await get(path)).headers.get('cache-control'), path).toBe('no-store');
		expect((await get('/measures')).headers.get('cache-control')).toBeNull();
	});

	it('answers an unknown address with a 404 page', async () => {
		const res = await get('/no-such-page');
		expect(res.status).toBe(404);
		expect(await res.text()).toContain('Page not found');
	});

	it('restarts on the same database without repeating migrations, versions or demo data', async () => {
		const first = await server.stop();
		expect(first.code).toBe(0);
		server = await startServer(env);
		const html = await (await get('/surveys')).text();
		expect(html.match(/<dd>1<\/dd>/g)?.length).toBeGreaterThanOrEqual(5);
		expect(html).not.toContain('<dd>2</dd>');
	});

	it('ends within a few seconds of SIGTERM, closing the database', async () => {
		const { code, ms } = await server.stop();
		expect(code).toBe(0);
		expect(ms).toBeLessThan(10_000);
		server = await startServer(env);
	});
});

describe('a broken survey definition', () => {
	it('stops the app from starting, naming the file, the question and the problem', async () => {
		const surveys = tempDir('voices-surveys-');
		cpSync('surveys', surveys, { recursive: true });
		const broken = JSON.parse(
			await (
				await import('node:fs/promises')
			).readFile('tests/fixtures/surveys/broken/unknown-measure.json', 'utf8')
		);
		writeFileSync(join(surveys, 'extra-survey.json'), JSON.stringify(broken));
		const { code, output } = await failingStart({
			SURVEYS_DIR: surveys,
			DATA_DIR: tempDir('voices-data-')
		});
		expect(code).not.toBe(0);
		expect(output).toContain('extra-survey.json: feel_safe: unknown measure "safe.feels_safe"');
	});
});

describe('wrong settings', () => {
	it('stop the app from starting, each named with its value and what it allows', async () => {
		const dataDir = tempDir('voices-data-');
		const { code, output } = await failingStart({
			DATA_DIR: dataDir,
			DATABASE_POOL_SIZE: 'abc',
			RESET_LINK_HOURS: '-5',
			SAFEGUARDING_DUE_WORKING_DAYS: 'soon'
		});
		expect(code).not.toBe(0);
		expect(output).toContain('3 settings are wrong:');
		expect(output).toContain('DATABASE_POOL_SIZE must be a whole number from 1 to 100; got "abc"');
		expect(output).toContain('RESET_LINK_HOURS must be a whole number from 1 to 168; got "-5"');
		expect(output).toContain(
			'SAFEGUARDING_DUE_WORKING_DAYS must be a whole number from 0 to 30; got "soon"'
		);
		// Refused before anything is written.
		expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
	});
});
