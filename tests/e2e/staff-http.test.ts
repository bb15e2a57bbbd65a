import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import * as childRepo from '../../src/lib/server/db/child';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client, versionOf } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

const commissioner = DEMO_ACCOUNTS.find((a) => a.role === 'commissioner')!;
const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;

// Signing in, sessions, reset links and assisted answering over real HTTP, on both databases.
describe.each(databaseKinds)('staff sign-in and assisted answering on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let drop = async () => {};
	let childId = '';
	let serviceId = '';

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		await prepare(env, async ({ connection: { db } }) => {
			const provider = await db
				.selectFrom('provider')
				.select('id')
				.where('name', '=', 'Riverside Short Breaks')
				.executeTakeFirstOrThrow();
			childId = (
				await childRepo.insert(db, {
					provider_id: provider.id,
					reference: 'RIV-002',
					display_name: 'Tam',
					date_of_birth: '2017-02-02',
					send_needs: '["learning_disability"]'
				})
			).id;
			serviceId = (
				await db
					.selectFrom('service')
					.select('id')
					.where('provider_id', '=', provider.id)
					.executeTakeFirstOrThrow()
			).id;
		});
		server = await startServer(env);
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	const signIn = (c: Client, email: string, password = DEMO_PASSWORD) =>
		c.post('/sign-in', [
			['email', email],
			['password', password]
		]);

	it('sets an HttpOnly, SameSite=Lax session cookie and ends it at sign-out', async () => {
		const c = new Client(server.url);
		const res = await fetch(`${server.url}/sign-in`, {
			method: 'POST',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams({ email: 'manager@example.org', password: DEMO_PASSWORD }),
			redirect: 'manual'
		});
		const cookie = res.headers.getSetCookie().find((h) => h.startsWith('voices_staff='))!;
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i);
		c.cookies.set('voices_staff', cookie.split(';')[0]!.split('=')[1]!);
		expect((await c.get('/staff')).status).toBe(200);
		expect((await c.post('/sign-out', [])).location).toBe('/sign-in');
		expect((await c.get('/staff')).location).toBe('/sign-in');
	});

	it('marks the cookie Secure and sends HSTS under https', async () => {
		// Served as https (behind a TLS-terminating proxy): ORIGIN says so.
		await server.stop();
		// Its accounts are the demo's, which an https address serves only when told it is a demo.
		const secure = await startServer({
			...env,
			ORIGIN: 'https://voices.example.org',
			THIS_IS_A_DEMO: 'yes'
		});
		try {
			const res = await fetch(`${secure.url}/sign-in`, {
				method: 'POST',
				headers: {
					origin: 'https://voices.example.org',
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ email: 'manager@example.org', password: DEMO_PASSWORD }),
				redirect: 'manual'
			});
			expect(res.status).toBe(303);
			const cookie = res.headers.getSetCookie().find((h) => h.startsWith('voices_staff='));
			expect(cookie).toMatch(/; Secure/i);
			expect(res.headers.get('strict-transport-security')).toContain('max-age=');
			const page = await fetch(`${secure.url}/sign-in`);
			const csp = page.headers.get('content-security-policy') ?? '';
			expect(csp).toMatch(/script-src 'self'(;|$)/);
			expect(csp).toContain("frame-ancestors 'none'");
		} finally {
			await secure.stop();
			server = await startServer(env);
		}
	});

	it('refuses a wrong password without saying whether the account exists, then slows down', async () => {
		const c = new Client(server.url);
		const unknown = await signIn(c, 'nobody@example.org', 'whatever-it-is');
		const wrong = await signIn(c, 'staff@pennine.example.org', 'not-the-password');
		expect(unknown.status).toBe(400);
		expect(wrong.status).toBe(400);
		const message = 'Enter a correct email address and password';
		expect(unknown.html).toContain(message);
		expect(wrong.html).toContain(message);
		await signIn(c, 'staff@pennine.example.org', 'not-the-password');
		const third = await signIn(c, 'staff@pennine.example.org', 'not-the-password');
		expect(third.status).toBe(429);
		expect(third.html).toContain('Too many failed attempts. Wait until');
		// Even the right password waits.
		const right = await signIn(c, 'staff@pennine.example.org');
		expect(right.status).toBe(429);
	});

	it('refuses a forged sign-in form', async () => {
		const r = await new Client(server.url).post('/sign-in', [
			['email', 'manager@example.org'],
			['password', DEMO_PASSWORD],
			['role', 'administrator']
		]);
		expect(r.status).toBe(400);
		expect(r.html).toContain('Unexpected field');
	});

	it('asks a commissioner for an authenticator code, rotates the session, and refuses a replayed code', async () => {
		const c = new Client(server.url);
		expect((await signIn(c, commissioner.email)).location).toBe('/sign-in/two-factor');
		const first = c.cookies.get('voices_staff');
		expect((await c.get('/staff')).location).toBe('/sign-in/two-factor');
		const wrong = await c.post('/sign-in/two-factor', [['code', '000000']]);
		expect(wrong.status).toBe(400);
		// The page asks for a code: its error speaks of the code, not of an email and password.
		expect(wrong.html).toContain(
			'That code is not right or was used already. Enter the 6-digit code your authenticator app shows now'
		);
		expect(wrong.html).not.toContain('email address and password');
		const code = currentCode(commissioner.totp!);
		expect((await c.post('/sign-in/two-factor', [['code', code]])).location).toBe('/staff');
		expect(c.cookies.get('voices_staff')).not.toBe(first);
		expect((await c.get('/staff')).status).toBe(200);
		const again = new Client(server.url);
		await signIn(again, commissioner.email);
		const replay = await again.post('/sign-in/two-factor', [['code', code]]);
		expect(replay.status).toBe(400);
	});

	it('lets an administrator add a user with a one-time link to set a password', async () => {
		const a = new Client(server.url);
		await signIn(a, admin.email);
		await a.post('/sign-in/two-factor', [['code', currentCode(admin.totp!, Date.now() + 30_000)]]);
		const provider = /<option value="([0-9a-f-]{36})"[^>]*>Riverside Short Breaks/.exec(
			(await a.get('/staff/users')).html
		)![1]!;
		const created = await a.post('/staff/users?/create', [
			['email', 'newstaff@example.org'],
			['name', 'New Staff'],
			['role', 'provider_staff'],
			['organisation', provider]
		]);
		expect(created.status).toBe(200);
		const link = /(\/reset\/[A-Za-z0-9_-]+)/.exec(created.html)![1]!;
		const n = new Client(server.url);
		expect((await n.get(link)).html).toContain('Set your password, New Staff');
		const short = await n.post(link, [
			['password', 'short'],
			['confirm', 'short']
		]);
		expect(short.status).toBe(400);
		expect(short.html).toContain('12 characters or more');
		const ok = await n.post(link, [
			['password', 'a long new pass phrase'],
			['confirm', 'a long new pass phrase']
		]);
		expect(ok.location).toBe('/sign-in?done=reset');
		const reused = await n.post(link, [
			['password', 'another long phrase'],
			['confirm', 'another long phrase']
		]);
		expect(reused.status).toBe(410);
		expect((await signIn(n, 'newstaff@example.org', 'a long new pass phrase')).location).toBe(
			'/staff'
		);
	});

	it('hands a survey to a child in locked mode, recorded as assisted, until the staff password', async () => {
		const s = new Client(server.url);
		await signIn(s, 'staff@example.org');
		const started = await s.post(`/staff/children/${childId}?/assist`, [
			['assist_survey', 'short-breaks-child-symbols'],
			['assist_service', serviceId],
			['assist_source', 'annual_review']
		]);
		expect(started.location).toBe('/answer');
		// Handed over, the survey is answered with help: the child is not asked who is helping.
		const welcome = await s.follow('/answer');
		expect(welcome.path).toBe('/answer/q/welcome');
		const version = versionOf(welcome.html);
		const next = await s.post('/answer/q/welcome', [
			['version', version],
			['step', 'welcome']
		]);
		expect(next.location).toBe('/answer/q/voice_communicate');
		expect((await s.get('/answer/helped')).location).toBe('/answer');
		// Nor can a post change it (the stored mode is checked below): it is sent back to the survey.
		const changed = await s.post('/answer/helped', [
			['version', version],
			['step', '@helped'],
			['answer', 'alone']
		]);
		expect(changed.location).toBe('/answer');
		// The child cannot reach the staff pages, nor sign out the staff member.
		for (const path of ['/staff', '/staff/children', `/staff/children/${childId}`, '/staff/alerts'])
			expect((await s.get(path)).location, path).toBe('/unlock');
		expect((await s.post('/sign-out', [])).location).toBe('/unlock');
		const wrong = await s.post('/unlock', [['password', 'guess']]);
		expect(wrong.status).toBe(400);
		expect(wrong.html).toContain('That password is not right');
		expect((await s.post('/unlock', [['password', DEMO_PASSWORD]])).location).toBe(
			'/staff/children'
		);
		expect((await s.get('/staff/children')).status).toBe(200);
		// The child's response cookie is gone: the next child starts afresh.
		expect((await s.get('/answer')).location).toBe('/code');
	});

	it('stored the assisted response with who helped and the child’s age band', async () => {
		await server.stop();
		await prepare(env, async ({ connection: { db } }) => {
			const response = await db
				.selectFrom('response')
				.innerJoin('app_user', 'app_user.id', 'response.assisted_by')
				.select([
					'app_user.email',
					'response.completion_mode',
					'response.age_band',
					'response.send_need',
					'response.child_id'
				])
				.executeTakeFirstOrThrow();
			expect(response).toEqual({
				email: 'staff@example.org',
				completion_mode: 'helped',
				age_band: '8-11',
				send_need: 'learning_disability',
				child_id: childId
			});
			const lock = await db.selectFrom('session').select('locked_response_id').execute();
			expect(lock.every((l) => l.locked_response_id === null)).toBe(true);
		});
		server = await startServer(env);
	});
});
