import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as answerRepo from '../../src/lib/server/db/answer';
import * as service from '../../src/lib/server/db/service';
import * as invitations from '../../src/lib/server/invitations/links';
import { Client, versionOf } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { serverTarget } from '../helpers/target';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';

// The server's own checks over real HTTP: every refused post leaves stored answers as they were.
describe.each(databaseKinds)('answering over HTTP on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let dropSchema = async () => {};
	const codes: Record<string, string> = {};
	let openLink = '';
	let client: Client;

	beforeAll(async () => {
		({ env, drop: dropSchema } = await serverTarget(kind));
		await prepare(env, async ({ connection: { db } }) => {
			const [svc] = await service.list(db);
			const make = async (expiresInDays: number, isOpen = false) =>
				invitations.issue(db, {
					surveyId: 'short-breaks-carer',
					serviceId: svc!.id,
					respondent: 'carer',
					source: 'satisfaction_survey',
					expiresAt: new Date(Date.now() + expiresInDays * 86400_000),
					isOpen
				});
			codes.valid = (await make(30)).code!;
			codes.expired = (await make(-1)).code!;
			const revoked = await make(30);
			await db
				.updateTable('invitation')
				.set({ revoked_at: new Date() })
				.where('id', '=', revoked.invitation.id)
				.execute();
			codes.revoked = revoked.code!;
			openLink = `/i/${(await make(30, true)).token}`;
		});
		server = await startServer(env);
		client = new Client(server.url);
	});
	afterAll(async () => {
		await server?.stop();
		await dropSchema();
	});

	const enterCode = (code: string, c = client) => c.post('/code', [['code', code]]);

	it.each([
		['', 400, 'Type your code.'],
		['NOPE', 400, 'A code has 8 letters and numbers.'],
		['AAAAAAAA', 400, 'We could not find that code.']
	])('answers the code %j with a specific message', async (code, status, message) => {
		const r = await enterCode(code);
		expect(r.status).toBe(status);
		expect(r.html).toContain(message);
		expect(r.html).toMatch(/<title>Error: /);
	});

	it('says when a code has run out or been stopped', async () => {
		const expired = await enterCode(codes.expired!);
		expect(expired.status).toBe(410);
		expect(expired.html).toContain('This code has run out.');
		const revoked = await enterCode(codes.revoked!);
		expect(revoked.status).toBe(410);
		expect(revoked.html).toContain('This code has been stopped.');
	});

	let version = '';
	it('lets a valid code in, typed in lower case with a space, and saves each page', async () => {
		const r = await enterCode(`${codes.valid!.slice(0, 4).toLowerCase()} ${codes.valid!.slice(4)}`);
		expect(r.status).toBe(303);
		const first = await client.follow('/answer');
		expect(first.path).toBe('/answer/q/introduction');
		version = versionOf(first.html);
		expect(version).toMatch(/^[0-9a-f-]{36}$/);
		const saved = await client.post('/answer/q/carer_satisfied', [
			['version', version],
			['step', 'carer_satisfied'],
			['answer', '4']
		]);
		expect(saved.status).toBe(303);
		expect(saved.location).toBe('/answer/q/carer_cope');
	});

	const stillFour = async () => {
		const page = await client.follow('/answer/q/carer_satisfied');
		expect(page.html).toMatch(/<input type="radio" id="answer-3" name="answer" value="4" checked/);
	};
	const post = (step: string, extra: [string, string][]) =>
		client.post(`/answer/q/${step}`, [['version', version], ['step', step], ...extra]);

	it.each([
		[
			'an out-of-range rating',
			'carer_satisfied',
			[['answer', '42']],
			400,
			'Choose one of the answers on the page.'
		],
		[
			'an unknown choice',
			'carer_satisfied',
			[['answer', 'maybe']],
			400,
			'Choose one of the answers on the page.'
		],
		[
			'two answers to one question',
			'carer_satisfied',
			[
				['answer', '1'],
				['answer', '2']
			],
			400,
			'Choose only one answer.'
		],
		[
			'an unknown field',
			'carer_satisfied',
			[
				['answer', '1'],
				['classification', 'positive']
			],
			400,
			'sent with something it does not have'
		],
		[
			'an oversized text',
			'anything_else',
			[['answer', 'x'.repeat(2001)]],
			400,
			'Your answer is too long. Write 2000 characters or fewer.'
		]
	] as const)(
		'refuses %s with a clear error and keeps the stored answer',
		async (_what, step, fields, status, message) => {
			const r = await post(step, fields as unknown as [string, string][]);
			expect(r.status).toBe(status);
			expect(r.html).toContain(message);
			expect(r.html).toContain('There is a problem');
			await stillFour();
		}
	);

	it('refuses a forged survey version and a page for another question', async () => {
		const forged = await client.post('/answer/q/carer_satisfied', [
			['version', '00000000-0000-4000-8000-000000000000'],
			['step', 'carer_satisfied'],
			['answer', '1']
		]);
		expect(forged.status).toBe(409);
		expect(forged.html).toContain('This page is out of date. Your answer was not saved.');
		const wrong = await client.post('/answer/q/carer_satisfied', [
			['version', version],
			['step', 'carer_cope'],
			['answer', '1']
		]);
		expect(wrong.status).toBe(409);
		await stillFour();
	});

	it('stores one answer when the same page is posted twice', async () => {
		for (let i = 0; i < 2; i++)
			expect((await post('carer_cope', [['answer', 'agree']])).status).toBe(303);
	});

	it('continues where the respondent stopped when the code is used again on another device', async () => {
		const other = new Client(server.url);
		expect((await enterCode(codes.valid!, other)).status).toBe(303);
		expect((await other.follow('/answer')).path).toBe('/answer/q/safe_confidence');
		// The first device's cookie no longer opens the response: only the latest holder continues.
		expect((await client.get('/answer')).location).toBe('/code');
		client = other;
	});

	it('ships at most 20 KB of gzipped JavaScript on a survey page, none of it survey-core', async () => {
		const page = await client.follow('/answer/q/carer_satisfied');
		const sources = [...page.html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
		expect(page.html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
		expect(page.html).not.toContain('modulepreload');
		let total = 0;
		for (const src of sources) {
			const body = await (await fetch(new URL(src, server.url))).text();
			expect(body).not.toContain('survey-core');
			total += gzipSync(body).length;
		}
		expect(sources).toEqual(['/answer.js']);
		expect(total).toBeLessThanOrEqual(20 * 1024);
	});

	it('remembers display choices on the device and returns only to a page of this site', async () => {
		const viewer = new Client(server.url);
		const saved = await viewer.post('/display', [
			['option', 'large'],
			['option', 'contrast'],
			['return', '/code']
		]);
		expect(saved.status).toBe(303);
		expect(saved.location).toBe('/code');
		expect((await viewer.get('/code')).html).toContain('class="display-large display-contrast"');
		const away = await viewer.post('/display', [
			['option', 'calm'],
			['return', '//evil.example/']
		]);
		expect(away.location).toBe('/');
		expect((await viewer.post('/display', [['option', 'sparkly']])).status).toBe(400);
	});

	it('finishes exactly once, then refuses replayed pages and the code', async () => {
		const finish = await client.post('/answer/finish', [
			['version', version],
			['step', '@finish']
		]);
		expect(finish.status).toBe(303);
		expect(finish.location).toBe('/answer/thanks');
		const thanks = await client.follow('/answer/thanks');
		expect(thanks.html).toContain('Thank you');
		const again = await client.post('/answer/finish', [
			['version', version],
			['step', '@finish']
		]);
		expect(again.status).toBe(409);
		expect(again.html).toContain('You have already sent your answers. They cannot be changed.');
		const replay = await post('carer_satisfied', [['answer', '1']]);
		expect(replay.status).toBe(409);
		expect(replay.html).toContain('You have already sent your answers.');
		const reuse = await enterCode(codes.valid!, new Client(server.url));
		expect(reuse.status).toBe(409);
		expect(reuse.html).toContain('You have already finished this questionnaire.');
	});

	it('starts a new response each time an open link is used', async () => {
		const a = new Client(server.url);
		const b = new Client(server.url);
		expect((await a.post(openLink, [])).status).toBe(303);
		expect((await b.post(openLink, [])).status).toBe(303);
		expect(a.cookies.get('voices_response')).toBeTruthy();
		expect(a.cookies.get('voices_response')).not.toBe(b.cookies.get('voices_response'));
	});

	it('gives no way out of a survey through the site name in the header', async () => {
		const child = new Client(server.url);
		expect((await child.post('/i/demo-group-session', [])).status).toBe(303);
		const brandLink = /<a class="brand"/;
		for (const path of ['/answer/q/welcome', '/answer/helped', '/display?return=%2Fanswer']) {
			const page = await child.get(path);
			expect(page.status, path).toBe(200);
			expect(page.html, path).not.toMatch(brandLink);
			expect(page.html, path).toContain('<span class="brand">Voices</span>');
		}
		// The way in and the pages outside a survey keep it.
		for (const path of ['/', '/code', '/display?return=%2Fcode'])
			expect((await child.follow(path)).html, path).toMatch(brandLink);
	});

	it('shows who to talk to straight after a worrying answer, then carries on', async () => {
		const child = new Client(server.url);
		expect((await child.post('/i/demo-group-session', [])).status).toBe(303);
		// The welcome first, then who is helping.
		const welcome = await child.follow('/answer');
		expect(welcome.path).toBe('/answer/q/welcome');
		const v = versionOf(welcome.html);
		const welcomed = await child.post('/answer/q/welcome', [
			['version', v],
			['step', 'welcome']
		]);
		expect(welcomed.location).toBe('/answer/helped');
		const helped = await child.post('/answer/helped', [
			['version', v],
			['step', '@helped'],
			['answer', 'alone']
		]);
		expect(helped.location).toBe('/answer/q/voice_communicate');
		const worried = await child.post('/answer/q/feel_safe', [
			['version', v],
			['step', 'feel_safe'],
			['answer', 'no']
		]);
		expect(worried.status).toBe(303);
		expect(worried.location).toBe('/answer/support');
		const support = await child.follow('/answer/support');
		expect(support.html).toContain('0800 1111');
		expect(support.html).toContain('Thank you for telling us');
		expect((await child.follow('/answer')).path).toBe('/answer/q/included_local');
	});

	it('limits attempts per code and per address', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await enterCode('ACDEFGHJ')).status);
		expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
		const limited = await enterCode('ACDEFGHJ');
		expect(limited.status).toBe(429);
		expect(limited.html).toContain('Too many tries. Wait 10 minutes, then try again.');
		let last = 0;
		for (let i = 0; i < 25 && last !== 429; i++)
			last = (await enterCode(`ACDEFG${'HJKMNPQRTU'[i % 10]}${i % 10}`)).status;
		expect(last).toBe(429);
	});

	it('kept exactly the answers that were accepted', async () => {
		await server.stop();
		const rows = await prepare(env, async ({ connection: { db } }) => {
			const response = await db
				.selectFrom('response')
				.selectAll()
				.where('completed_at', 'is not', null)
				.executeTakeFirstOrThrow();
			return answerRepo.listForResponse(db, response.id);
		});
		const alerts = await prepare(env, ({ connection: { db } }) =>
			db.selectFrom('safeguarding_alert').select(['question_name', 'acknowledged_at']).execute()
		);
		expect(alerts).toEqual([{ question_name: 'feel_safe', acknowledged_at: null }]);
		expect(rows.map((r) => [r.question_name, r.value, r.measure_id, r.classification])).toEqual([
			['carer_satisfied', 4, 'carer.satisfied', 'positive'],
			['carer_cope', 'agree', 'carer.cope', 'positive']
		]);
		server = await startServer(env);
	});
});
