import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as childRepo from '../../src/lib/server/db/child';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { MAX_CHILDREN_PER_POST } from '../../src/lib/server/forms/repeated';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// A repeated field is de-duplicated and capped: one post cannot make thousands of rows.
describe.each(databaseKinds)('repeated fields on %s', (kind) => {
	let server: RunningServer;
	let drop = async () => {};
	let staff: Client;
	let serviceId = '';
	let childId = '';

	beforeAll(async () => {
		const target = await serverTarget(kind);
		drop = target.drop;
		await prepare(target.env, async ({ connection: { db } }) => {
			const service = await db
				.selectFrom('service')
				.innerJoin('provider', 'provider.id', 'service.provider_id')
				.select(['service.id', 'provider.id as provider_id'])
				.where('provider.name', '=', 'Riverside Short Breaks')
				.executeTakeFirstOrThrow();
			serviceId = service.id;
			childId = (
				await childRepo.insert(db, {
					provider_id: service.provider_id,
					reference: 'REP-001',
					display_name: 'Rey',
					date_of_birth: '2016-03-03',
					send_needs: '[]'
				})
			).id;
		});
		server = await startServer(target.env);
		staff = new Client(server.url);
		await staff.post('/sign-in', [
			['email', 'staff@example.org'],
			['password', DEMO_PASSWORD]
		]);
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	const invite = (children: string[]) =>
		staff.post('/staff/invitations?/create', [
			['survey', 'short-breaks-child-symbols'],
			['service', serviceId],
			['respondent', 'child'],
			['source', 'satisfaction_survey'],
			['days', '28'],
			...children.map((id): [string, string] => ['children', id])
		]);
	const invitationCount = async () =>
		((await staff.get('/staff/invitations')).html.match(/>Revoke</g) ?? []).length;

	it('refuses 5,000 copies of a child with a clear error, and makes nothing', async () => {
		const before = await invitationCount();
		// Past what any staff form has, the form reader refuses the whole post.
		const flood = await invite(Array.from({ length: 5000 }, () => childId));
		expect(flood.status).toBe(400);
		expect(flood.html).toContain('The form has too many fields');
		expect(flood.html).toMatch(/<title>Error: /);
		// Below that, the invitation form names its own limit, counting copies as posted.
		const copies = await invite(Array.from({ length: MAX_CHILDREN_PER_POST + 1 }, () => childId));
		expect(copies.status).toBe(400);
		expect(copies.html).toContain(`Select up to ${MAX_CHILDREN_PER_POST} children at a time`);
		expect(await invitationCount()).toBe(before);
	});

	it('refuses more different children than the limit', async () => {
		const before = await invitationCount();
		const ids = Array.from(
			{ length: MAX_CHILDREN_PER_POST + 1 },
			(_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
		);
		const r = await invite(ids);
		expect(r.status).toBe(400);
		expect(r.html).toContain(`Select up to ${MAX_CHILDREN_PER_POST} children at a time`);
		expect(await invitationCount()).toBe(before);
	});

	it('makes one invitation and one card for a child posted three times', async () => {
		const before = await invitationCount();
		const r = await invite([childId, childId, childId]);
		expect(r.status).toBe(200);
		expect(r.html).toContain('1 card to print');
		expect(await invitationCount()).toBe(before + 1);
	});

	it('keeps one copy of each display option however often it is posted', async () => {
		const c = new Client(server.url);
		const r = await c.post('/display', [
			...Array.from({ length: 100 }, (): [string, string] => ['option', 'large']),
			['return', '/']
		]);
		expect(r.status).toBe(303);
		expect(decodeURIComponent(c.cookies.get('display') ?? '')).toBe('large');
		// More copies than any children's page has fields: refused whole, nothing kept.
		const flood = new Client(server.url);
		const refused = await flood.post('/display', [
			...Array.from({ length: 2000 }, (): [string, string] => ['option', 'large']),
			['return', '/']
		]);
		expect(refused.status).toBe(400);
		expect(flood.cookies.get('display')).toBeUndefined();
	});
});
