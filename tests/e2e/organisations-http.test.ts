import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;

// The organisation forms over real HTTP on both databases: what each refuses, and that what it
// takes is saved and audited.
describe.each(databaseKinds)('organisations forms on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let drop = async () => {};
	let c: Client;
	let manager: Client;
	let providerId = '';
	let riversideService = '';

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		await prepare(env, async ({ connection: { db } }) => {
			riversideService = (
				await db
					.selectFrom('service')
					.select('id')
					.where('name', '=', 'Riverside Break Time')
					.executeTakeFirstOrThrow()
			).id;
		});
		server = await startServer(env);
		c = new Client(server.url);
		await c.post('/sign-in', [
			['email', admin.email],
			['password', DEMO_PASSWORD]
		]);
		await c.post('/sign-in/two-factor', [['code', currentCode(admin.totp!)]]);
		manager = new Client(server.url);
		await manager.post('/sign-in', [
			['email', 'manager@example.org'],
			['password', DEMO_PASSWORD]
		]);
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	/** A refused form: 400, "Error:" in the title, the message in the error summary. */
	const refused = (r: { status: number; html: string }, message: string) => {
		expect(r.status).toBe(400);
		expect(r.html).toMatch(/<title>Error: /);
		expect(r.html).toContain('There is a problem');
		expect(r.html).toContain(message);
	};

	it('lists the organisations', async () => {
		const r = await c.get('/staff/organisations');
		expect(r.status).toBe(200);
		expect(r.html).toContain('Lancashire County Council');
		expect(r.html).toContain('Harbour View Homes');
		expect(r.html).toContain('Dorset children’s homes');
	});

	it('refuses a duplicate council code or name, and bad input', async () => {
		const post = (fields: [string, string][]) =>
			c.post('/staff/organisations/councils/new?/save', fields);
		refused(
			await post([
				['code', 'lancashire'],
				['name', 'New council']
			]),
			'A council with the code lancashire already exists'
		);
		refused(
			await post([
				['code', 'new'],
				['name', 'dorset council']
			]),
			'A council called Dorset Council already exists'
		);
		refused(
			await post([
				['code', 'York Council'],
				['name', '']
			]),
			'Enter the council’s name'
		);
		refused(await post([['colour', 'red']]), 'Unexpected field');
		const added = await post([
			['code', 'york'],
			['name', 'City of York Council']
		]);
		expect(added.location).toBe('/staff/organisations?saved=council#councils');
	});

	it('refuses a duplicate provider, then adds one with its service', async () => {
		refused(
			await c.post('/staff/organisations/providers/new?/save', [
				['name', 'Riverside short breaks'],
				['regulator_reference', '']
			]),
			'A provider called Riverside Short Breaks already exists'
		);
		const added = await c.post('/staff/organisations/providers/new?/save', [
			['name', 'Minster Breaks'],
			['regulator_reference', 'SC123456']
		]);
		providerId = added.location!.split('/').pop()!;
		expect(added.location).toBe(`/staff/organisations/providers/${providerId}`);
		expect((await c.get(added.location!)).html).toContain('No services yet');
	});

	it('refuses a commission for a provider with no service for the council', async () => {
		const html = (await c.get('/staff/organisations')).html;
		// The council's row: its name, then the link to change it.
		const york = /councils\/([0-9a-f-]{36})/.exec(html.slice(html.indexOf('City of York')))![1]!;
		const commission = (fields: [string, string][]) =>
			c.post('/staff/organisations/commissions/new?/save', [
				['council', york],
				['provider', providerId],
				['framework', 'lancashire'],
				...fields
			]);
		refused(
			await commission([
				['starts_on', '2026-04-01'],
				['ends_on', '']
			]),
			'Minster Breaks has no short breaks service for City of York Council'
		);
		const service = await c.post(
			`/staff/organisations/providers/${providerId}/services/new?/save`,
			[
				['name', 'Minster club'],
				['kind', 'short_break'],
				['council', york],
				['lead', ''],
				['hour_types', 'break_time_hours'],
				['hour_types', 'overnight_hours']
			]
		);
		expect(service.location).toBe(
			`/staff/organisations/providers/${providerId}?saved=service#services`
		);
		refused(
			await c.post(`/staff/organisations/providers/${providerId}/services/new?/save`, [
				['name', 'MINSTER CLUB'],
				['kind', 'short_break'],
				['council', york],
				['lead', ''],
				['hour_types', 'break_time_hours']
			]),
			'The provider already has a service called Minster club'
		);
		refused(
			await commission([
				['starts_on', '2026-04-01'],
				['ends_on', '2026-03-01']
			]),
			'End date must be the same as or after the start date'
		);
		const added = await commission([
			['starts_on', '2026-04-01'],
			['ends_on', '']
		]);
		expect(added.location).toBe('/staff/organisations?saved=commission#commissions');
		refused(
			await commission([
				['starts_on', '2027-04-01'],
				['ends_on', '']
			]),
			'City of York Council already commissions Minster Breaks from 1 Apr 2026 with no end date'
		);
	});

	it('lets a provider manager change their own service, and names what is wrong', async () => {
		const path = `/staff/services/${riversideService}`;
		expect((await manager.get(path)).status).toBe(200);
		refused(
			await manager.post(path, [
				['name', 'Riverside overnight breaks'],
				['lead', '']
			]),
			'Choose at least one hour type the service offers'
		);
		refused(
			await manager.post(path, [
				['name', 'Riverside overnight breaks'],
				['lead', ''],
				['hour_types', 'break_time_hours']
			]),
			'The provider already has a service called Riverside overnight breaks'
		);
		const saved = await manager.post(path, [
			['name', 'Riverside Break Time Club'],
			['lead', ''],
			['hour_types', 'break_time_hours'],
			['hour_types', 'break_time_plus_hours']
		]);
		expect(saved.location).toBe('/staff/services?changed=1');
		expect((await manager.get('/staff/services?changed=1')).html).toContain(
			'Riverside Break Time Club'
		);
	});

	it('asks before retiring, and says what must end first', async () => {
		const page = `/staff/organisations/providers/${providerId}`;
		// The provider's page links to the question; it does not retire on one press.
		expect((await c.get(page)).html).toContain('href="?retire"');
		const asked = await c.get(`${page}?retire`);
		expect(asked.status).toBe(200);
		expect(asked.html).toContain('<title>Error: Retire Minster Breaks – Voices</title>');
		expect(asked.html).toContain('You cannot retire Minster Breaks yet');
		expect(asked.html).toContain(
			'City of York Council still commissions it (from 1 Apr 2026, with no end date): give the commission an end date.'
		);
		expect(asked.html).not.toContain('Yes, retire');
		// Posted anyway (an old tab): refused the same way, nothing changed.
		const posted = await c.post(`${page}?/retire`, []);
		expect(posted.status).toBe(409);
		expect(posted.html).toContain('You cannot retire Minster Breaks yet');
		expect((await c.get(page)).html).toContain('Retire Minster Breaks');
		// A service with nothing running: the question, then retired.
		const html = (await c.get(page)).html;
		const serviceId = /services\/([0-9a-f-]{36})/.exec(html)![1]!;
		const servicePage = `${page}/services/${serviceId}`;
		const confirm = await c.get(`${servicePage}?retire`);
		expect(confirm.html).toContain('<title>Retire Minster club – Voices</title>');
		expect(confirm.html).toContain('Yes, retire Minster club');
		const done = await c.post(`${servicePage}?/retire`, []);
		expect(done.location).toBe(`${page}?saved=service#services`);
		// Retired: no more question.
		expect((await c.get(`${servicePage}?retire`)).html).not.toContain('Yes, retire');
	});

	it('audited every change', async () => {
		await server.stop();
		await prepare(env, async ({ connection: { db } }) => {
			const actions = (
				await db
					.selectFrom('audit_event')
					.select('action')
					.where('action', 'like', '%.%ed')
					.execute()
			).map((a) => a.action);
			for (const a of [
				'council.created',
				'provider.created',
				'service.created',
				'commission.created',
				'service.changed',
				'service.retired'
			])
				expect(actions).toContain(a);
		});
		server = await startServer(env);
	});
});
