import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import * as invitations from '../../src/lib/server/invitations/links';
import { OPEN_LINK_LIMITS } from '../../src/lib/server/rate-limit';
import { Client } from '../helpers/client';
import { prepare } from '../helpers/prepare';
import { databaseKinds } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// Open group links over real HTTP, behind a proxy that names the client's address: starts are
// limited per address and per link, and a cap set by staff holds under concurrent starts.
describe.each(databaseKinds)('open group links on %s', (kind) => {
	let server: RunningServer;
	let drop = async () => {};
	let staff: Client;
	const surveyId = 'short-breaks-child-symbols';
	let serviceId = '';
	const links: Record<'a' | 'b' | 'capped', string> = { a: '', b: '', capped: '' };

	beforeAll(async () => {
		const target = await serverTarget(kind);
		drop = target.drop;
		await prepare(target.env, async ({ connection: { db } }) => {
			serviceId = (
				await db
					.selectFrom('service')
					.innerJoin('provider', 'provider.id', 'service.provider_id')
					.select('service.id')
					.where('provider.name', '=', 'Riverside Short Breaks')
					.executeTakeFirstOrThrow()
			).id;
			for (const name of ['a', 'b', 'capped'] as const) {
				const issued = await invitations.issue(db, {
					surveyId,
					serviceId,
					respondent: 'child',
					source: 'satisfaction_survey',
					expiresAt: new Date(Date.now() + 86_400_000),
					isOpen: true,
					responseCap: name === 'capped' ? 3 : null
				});
				links[name] = `/i/${issued.token}`;
			}
		});
		server = await startServer({ ...target.env, ADDRESS_HEADER: 'x-forwarded-for' });
		staff = new Client(server.url, { 'x-forwarded-for': '192.0.2.1' });
		await staff.post('/sign-in', [
			['email', 'staff@example.org'],
			['password', DEMO_PASSWORD]
		]);
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	const start = (path: string, address: string) =>
		fetch(server.url + path, {
			method: 'POST',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'x-forwarded-for': address,
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: '',
			redirect: 'manual'
		});

	it('saves the cap staff give a new open link', async () => {
		const r = await staff.post('/staff/invitations?/open', [
			['survey', surveyId],
			['service', serviceId],
			['source', 'satisfaction_survey'],
			['days', '28'],
			['cap', '30']
		]);
		expect(r.status).toBe(200);
		expect(r.html).toContain('1 card to print');
		const list = (await staff.get('/staff/invitations')).html;
		// Open links are listed newest first.
		expect(list).toMatch(/action="\?\/cap"[^]*?name="cap"[^>]*value="30"/);
	});

	it('refuses a cap that is not a whole number from 1 to 10,000', async () => {
		const r = await staff.post('/staff/invitations?/open', [
			['survey', surveyId],
			['service', serviceId],
			['source', 'satisfaction_survey'],
			['days', '28'],
			['cap', '0']
		]);
		expect(r.status).toBe(400);
		expect(r.html).toContain('The most responses must be a whole number from 1 to 10,000');
		expect(r.html).toContain('href="#open-cap"');
	});

	it('limits the starts one address makes through one link, with a friendly message', async () => {
		const path = links.a;
		const { perAddress } = OPEN_LINK_LIMITS;
		for (let i = 0; i < perAddress; i++)
			expect((await start(path, '203.0.113.7')).status).toBe(303);
		const refused = await start(path, '203.0.113.7');
		expect(refused.status).toBe(429);
		const html = await refused.text();
		expect(html).toContain('Lots of people are starting at once.');
		expect(html).toMatch(/<title>Error: /);
		// Another address, and the same address on another link, still get in.
		expect((await start(path, '203.0.113.8')).status).toBe(303);
		expect((await start(links.b, '203.0.113.7')).status).toBe(303);
	});

	it('lets exactly as many start as the cap, however many press Start at once', async () => {
		const path = links.capped;
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) => start(path, `198.51.100.${i + 1}`))
		);
		const statuses = results.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 303)).toHaveLength(3);
		expect(statuses.filter((s) => s === 410)).toHaveLength(9);
		const refused = await Promise.all(results.filter((r) => r.status === 410).map((r) => r.text()));
		for (const html of refused) expect(html).toContain('This link is full.');
		// Opening it now says so, and offers no Start button.
		const opened = await new Client(server.url, { 'x-forwarded-for': '192.0.2.2' }).get(path);
		expect(opened.html).toContain('This link is full.');
		expect(opened.html).not.toContain('type="submit"');

		// Staff see what it has taken and can raise the cap.
		const list = (await staff.get('/staff/invitations')).html;
		expect(list).toContain('3 started, 0 completed');
		const row = /<tr>(?:(?!<tr>)[^])*?3 started, 0 completed[^]*?<\/tr>/.exec(list)![0];
		const id = /name="id" value="([0-9a-f-]{36})"/.exec(row);
		expect(id).toBeTruthy();
		const changed = await staff.post('/staff/invitations?/cap', [
			['id', id![1]!],
			['cap', '5']
		]);
		expect(changed.status).toBe(200);
		expect(changed.html).toContain('The open link now takes up to 5 responses');
		expect((await start(path, '198.51.100.50')).status).toBe(303);
		expect((await start(path, '198.51.100.51')).status).toBe(303);
		expect((await start(path, '198.51.100.52')).status).toBe(410);
	});
});
