import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import type { DB } from '../../src/lib/server/db/connect';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

const HOURS = {
	personal_care_hours: 0,
	short_break_daytime_hours: 0,
	break_time_hours: 40,
	break_time_plus_hours: 0,
	overnight_hours: 0
};
const DAY = '2025-06-10';

async function serviceOf(db: DB, provider: string) {
	return await db
		.selectFrom('service')
		.innerJoin('provider', 'provider.id', 'service.provider_id')
		.select(['service.id', 'provider.id as provider_id'])
		.where('provider.name', '=', provider)
		.orderBy('service.name')
		.executeTakeFirstOrThrow();
}

// The sessions register over real HTTP, signed in as the demo provider staff member.
describe.each(databaseKinds)('sessions register on %s', (kind) => {
	let server: RunningServer;
	let drop = async () => {};
	let serviceId = '';
	let otherServiceId = '';
	let childId = '';
	const packages: Record<string, string> = {};
	let staff: Client;

	const register = (service = serviceId, type = 'break_time_hours') =>
		`/staff/sessions?${new URLSearchParams({ service, date: DAY, type })}`;
	const record = (fields: [string, string][], service = serviceId) =>
		staff.post(`${register(service)}&/record`, fields);

	beforeAll(async () => {
		const target = await serverTarget(kind);
		drop = target.drop;
		await prepare(target.env, async ({ connection: { db } }) => {
			const own = await serviceOf(db, 'Riverside Short Breaks');
			serviceId = own.id;
			await db
				.updateTable('service')
				.set({
					hour_types: ['short_break_daytime_hours', 'break_time_hours', 'break_time_plus_hours']
				})
				.where('id', '=', serviceId)
				.execute();
			otherServiceId = (await serviceOf(db, 'Pennine Play Clubs')).id;
			for (const [reference, name] of [
				['SES-001', 'Mo'],
				['SES-002', 'Lu']
			] as const) {
				const child = await childRepo.insert(db, {
					provider_id: own.provider_id,
					reference,
					display_name: name,
					date_of_birth: '2016-03-03',
					send_needs: '[]'
				});
				if (reference === 'SES-001') childId = child.id;
				packages[reference] = (
					await carePackageRepo.insert(db, {
						child_id: child.id,
						service_id: serviceId,
						starts_on: '2025-01-01',
						ends_on: null,
						...HOURS
					})
				).id;
			}
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

	it('shows one radio group per child with a package open that day', async () => {
		const page = await staff.get(register());
		expect(page.status).toBe(200);
		expect(page.html).toContain('<title>Sessions – Voices</title>');
		for (const reference of ['SES-001', 'SES-002']) {
			expect(page.html).toContain(reference);
			expect(page.html).toContain(`name="status_${packages[reference]}"`);
		}
		expect(page.html).toContain('Cancelled by the family');
		expect(page.html).toContain('No sessions recorded');
	});

	it('records a register and lists it in the month', async () => {
		const saved = await record([
			['hours', '2.5'],
			['activity', 'Swimming'],
			[`status_${packages['SES-001']}`, 'attended'],
			[`status_${packages['SES-002']}`, 'cancelled_by_family']
		]);
		expect(saved.status).toBe(200);
		expect(saved.html).toMatch(/role="status"[^>]*>Register saved/);
		const page = await staff.get(register());
		const table = page.html.slice(page.html.indexOf('Recorded this month'));
		expect(table).toContain('Swimming');
		expect(table).toMatch(/Mo <span class="muted">\(SES-001\)<\/span><\/td>[\s\S]*?Attended/);
		expect(table).toMatch(/Lu <span class="muted">\(SES-002\)[\s\S]*?Cancelled by the family/);
		expect(table).toContain('2.50');
		// The saved marks are chosen when the register opens again.
		expect(page.html).toMatch(
			new RegExp(`name="status_${packages['SES-001']}" value="attended" checked`)
		);
	});

	it('offers only the service’s own hour types, refusing another', async () => {
		const page = await staff.get(`/staff/sessions?service=${serviceId}&date=${DAY}`);
		expect(page.html).toMatch(/<option value="short_break_daytime_hours" selected/);
		expect(page.html).not.toContain('value="overnight_hours"');
		const message =
			'Riverside Break Time does not offer Overnight hours: choose a type it offers (Short break daytime, Break Time, Break Time Plus)';
		const refused = await staff.get(register(serviceId, 'overnight_hours'));
		expect(refused.html).toContain('<title>Error: Sessions – Voices</title>');
		expect(refused.html).toContain(message);
		expect(refused.html).not.toContain(`name="status_${packages['SES-001']}"`);
		const posted = await staff.post(`${register(serviceId, 'overnight_hours')}&/record`, [
			['hours', '10'],
			[`status_${packages['SES-001']}`, 'attended'],
			[`status_${packages['SES-002']}`, '']
		]);
		expect(posted.status).toBe(400);
		expect(posted.html).toContain(message);
	});

	it('refuses 30 hours with the error summary, keeping what was typed', async () => {
		const refused = await record([
			['hours', '30'],
			['activity', 'Swimming'],
			[`status_${packages['SES-001']}`, 'attended']
		]);
		expect(refused.status).toBe(400);
		expect(refused.html).toContain('<title>Error: Sessions – Voices</title>');
		expect(refused.html).toContain('There is a problem');
		expect(refused.html).toContain(
			'<a href="#hours">Hours must be more than 0 and no more than 24</a>'
		);
		expect(refused.html).toMatch(/id="hours"[^>]*value="30"|value="30"[^>]*id="hours"/);
	});

	it('refuses a forged post with a field the page does not have', async () => {
		const forged = await record([
			['hours', '2'],
			['activity', 'Swimming'],
			[`status_${packages['SES-001']}`, 'attended'],
			['recorded_by', '00000000-0000-4000-8000-000000000000']
		]);
		expect(forged.status).toBe(400);
		expect(forged.html).toContain('Unexpected field');
	});

	it('treats another provider’s service as not found', async () => {
		expect((await staff.get(register(otherServiceId))).status).toBe(404);
		const post = await record(
			[
				['hours', '2'],
				[`status_${packages['SES-001']}`, 'attended']
			],
			otherServiceId
		);
		expect(post.status).toBe(404);
	});

	it('ends a care package from the child’s page with its reason', async () => {
		const path = `/staff/children/${childId}`;
		const missing = await staff.post(`${path}?/endPackage`, [
			['package_id', packages['SES-001']!],
			['end_on', '2025-07-31'],
			['end_reason', 'broke_down'],
			['end_explanation', '']
		]);
		expect(missing.status).toBe(400);
		expect(missing.html).toContain(
			`<a href="#end_explanation_${packages['SES-001']}">Explain why the placement broke down</a>`
		);
		const ended = await staff.post(`${path}?/endPackage`, [
			['package_id', packages['SES-001']!],
			['end_on', '2025-07-31'],
			['end_reason', 'broke_down'],
			['end_explanation', 'Family moved away']
		]);
		expect(ended.status).toBe(200);
		expect(ended.html).toContain('Care package ended');
		expect(ended.html).toContain('The placement broke down');
		expect(ended.html).toContain('Family moved away');
		expect(ended.html).not.toContain(`id="end_on_${packages['SES-001']}"`);
	});
});
