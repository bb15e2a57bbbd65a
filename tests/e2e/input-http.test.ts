import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_GROUP_TOKEN } from '../../src/lib/server/demo/seed';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client, versionOf } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { formsOf } from '../helpers/forms';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// Input an outside security test sent: names every object inherits, redirects off the site,
// control characters, impossible dates and bodies that are not forms. Each is refused with a
// message and nothing stored, on both databases.

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

async function raw(base: string, c: Client, path: string, type: string, body: string) {
	const res = await fetch(base + path, {
		method: 'POST',
		headers: {
			cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
			accept: 'text/html',
			origin: base,
			'content-type': type
		},
		body,
		redirect: 'manual'
	});
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

describe.each(databaseKinds)('input checks over HTTP on %s', (kind) => {
	let server: RunningServer;
	let drop = async () => {};
	let manager: Client;
	let commissioner: Client;
	let childPage = '';
	let service = '';

	beforeAll(async () => {
		let env: Record<string, string>;
		({ env, drop } = await serverTarget(kind));
		server = await startServer(env);
		manager = new Client(server.url);
		await manager.post('/sign-in', [
			['email', 'manager@example.org'],
			['password', DEMO_PASSWORD]
		]);
		commissioner = new Client(server.url);
		const c = DEMO_ACCOUNTS.find((a) => a.role === 'commissioner')!;
		await commissioner.post('/sign-in', [
			['email', c.email],
			['password', DEMO_PASSWORD]
		]);
		await commissioner.post('/sign-in/two-factor', [['code', currentCode(c.totp!)]]);
		const created = await manager.post('/staff/children', [
			['reference', 'IN-1'],
			['display_name', 'Ada'],
			['dob_day', '3'],
			['dob_month', '4'],
			['dob_year', '2015']
		]);
		childPage = created.location!;
		const page = (await manager.get(childPage)).html;
		service = formsOf(childPage, page)
			.find((f) => f.action.includes('carePackage'))!
			.fields.find((f) => f.name === 'service_id')!
			.values.find(Boolean)!;
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	const childCount = async () =>
		(await manager.get('/staff/children')).html.match(/href="\/staff\/children\/[0-9a-f-]{36}"/g)
			?.length ?? 0;

	const child = (extra: [string, string][], dob = ['3', '4', '2015']): [string, string][] => [
		['reference', 'IN-2'],
		['display_name', 'Bo'],
		['dob_day', dob[0]!],
		['dob_month', dob[1]!],
		['dob_year', dob[2]!],
		...extra
	];

	it.each(PROTOTYPE_NAMES)('refuses the SEND need %s and stores no child', async (name) => {
		const before = await childCount();
		const r = await manager.post('/staff/children', child([['send_needs', name]]));
		expect(r.status).toBe(400);
		expect(r.html).toContain('Choose needs from the list');
		expect(await childCount()).toBe(before);
	});

	it.each(PROTOTYPE_NAMES)('refuses %s as an invitation or hand-over source', async (name) => {
		const open = await manager.post('/staff/invitations?/open', [
			['survey', 'short-breaks-child-symbols'],
			['service', service],
			['source', name],
			['days', '28']
		]);
		expect(open.status).toBe(400);
		expect(open.html).toContain('Choose where the answers will be reported');
		const handOver = await manager.post(`${childPage}?/assist`, [
			['assist_survey', 'short-breaks-child-symbols'],
			['assist_service', service],
			['assist_source', name]
		]);
		expect(handOver.status).toBe(400);
		expect(handOver.html).toContain('Choose where the answers will be reported');
	});

	it.each(PROTOTYPE_NAMES)('refuses %s as a return regulator or rating', async (name) => {
		const list = (await manager.get('/staff/returns')).html;
		const quarterly = /href="(\/staff\/returns\/[^"]+\/quarterly\/[^"]+)"/.exec(list)![1]!;
		const r = await manager.post(`${quarterly}?/save`, [
			['regulator', name],
			['annual_rating', name],
			['interim_rating', name]
		]);
		expect(r.status).toBe(400);
		expect(r.html).toContain('Choose Ofsted or CQC from the list');
		expect(r.html).toContain('Choose the annual rating from the list');
		expect(r.html).toContain('Choose the interim rating from the list');
		expect((await manager.get(quarterly)).status).toBe(200);
	});

	it.each(PROTOTYPE_NAMES)('answers ?view=%s on the dashboard with a message', async (name) => {
		const r = await commissioner.get(`/staff/dashboard?view=${name}`);
		expect(r.status).toBe(200);
		expect(r.html).toContain('Choose a view from the list');
	});

	it('keeps the display page’s return on this site', async () => {
		const viewer = new Client(server.url);
		for (const evil of ['/%09/evil.example', '/%5Cevil.example', '//evil.example', '/%0d%0a/x']) {
			const page = await viewer.get(`/display?return=${evil}`);
			expect(page.status).toBe(200);
			expect(page.html).toContain('name="return" value="/"');
		}
		const tab = await viewer.post('/display', [['return', '/\t/evil.example']]);
		expect(tab.status).toBe(400);
		const slash = await viewer.post('/display', [['return', '/\\evil.example']]);
		expect(slash.location).toBe('/');
		for (const crlf of ['/\r\nSet-Cookie: a=b', '/answer\n']) {
			const r = await viewer.post('/display', [['return', crlf]]);
			expect(r.status).toBe(400);
			expect(r.html).toContain('There is a problem');
		}
		expect((await viewer.post('/display', [['return', '/answer/zoë']])).location).toBe(
			'/answer/zo%C3%AB'
		);
	});

	it('refuses a NUL byte in a staff text field and in the sign-in email, storing nothing', async () => {
		const before = await childCount();
		const r = await manager.post('/staff/children', child([['communication_needs', 'a\u0000b']]));
		expect(r.status).toBe(400);
		expect(r.html).toContain('Communication needs has a character that cannot be saved');
		expect(await childCount()).toBe(before);
		const signIn = await new Client(server.url).post('/sign-in', [
			['email', 'manager@example.org\u0000'],
			['password', DEMO_PASSWORD]
		]);
		expect(signIn.status).toBe(400);
		expect(signIn.html).toContain('Email has a character that cannot be saved');
	});

	it.each([
		['31', '2', '2026'],
		['1', '1', '0000']
	])('refuses the date of birth %s/%s/%s', async (d, m, y) => {
		const before = await childCount();
		const r = await manager.post('/staff/children', child([], [d, m, y]));
		expect(r.status).toBe(400);
		expect(r.html).toContain('Date of birth must be a real date');
		expect(await childCount()).toBe(before);
	});

	it.each(['2026-02-31', '0000-01-01'])(
		'refuses %s on a care package and a register',
		async (date) => {
			const r = await manager.post(`${childPage}?/carePackage`, [
				['service_id', service],
				['starts_on', date]
			]);
			expect(r.status).toBe(400);
			expect(r.html).toContain('Start date must be a real date');
			const register = await manager.get(`/staff/sessions?service=${service}&date=${date}`);
			expect(register.status).toBe(200);
			expect(register.html).toContain('Date must be a real date');
			const post = await manager.post(
				`/staff/sessions?/record&service=${service}&date=${date}`,
				[]
			);
			expect(post.status).toBe(400);
		}
	);

	it('answers a body that is not a form with a translated message on every children’s page', async () => {
		const child = new Client(server.url);
		await child.post(`/i/${DEMO_GROUP_TOKEN}`, []);
		const first = await child.follow('/answer');
		const version = versionOf(first.html);
		const question = (await child.follow('/answer/q/welcome')).path;
		for (const [path, type, body] of [
			['/code', 'text/plain', 'code=ABCD2345'],
			[`/i/${DEMO_GROUP_TOKEN}`, 'text/plain', ''],
			[question, 'multipart/form-data; boundary=x', '--x\r\nbroken'],
			['/answer/helped', 'text/plain', `version=${version}`],
			['/answer/finish', 'application/x-www-form-urlencoded; charset=utf-8', 'step=%zz'],
			['/answer/finish', 'multipart/form-data', 'no boundary'],
			['/display', 'text/plain', 'option=large']
		] as const) {
			const r = await raw(server.url, child, `${path}?lang=pl`, type, body);
			expect(r.status, `${path} ${type}`).toBeLessThan(500);
			if (r.status === 400)
				expect(r.html, path).toMatch(/Nie udało się odczytać tej strony|czego na niej nie ma/);
		}
		const nul = await child.post('/code?lang=pl', [['code', 'ABCD\u00002345']]);
		expect(nul.status).toBe(400);
		expect(nul.html).toContain('Kod zawiera znak, którego nie ma na karcie');
		const answer = await child.post('/answer/q/welcome', [
			['version', version],
			['step', 'welcome\u0000']
		]);
		expect(answer.status).toBe(400);
		expect(answer.html).toContain('error-summary');
	});
});
