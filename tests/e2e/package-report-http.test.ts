import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// The end of care package report over real HTTP, without JavaScript: a child and an ended care
// package made through the staff pages' own forms, then the report refused, saved and refused again.
describe.each(databaseKinds)('end of care package report over HTTP on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let drop = async () => {};
	let staff: Client;
	let childPath = '';
	let reportPath = '';

	const signIn = async (email: string) => {
		const c = new Client(server.url);
		const r = await c.post('/sign-in', [
			['email', email],
			['password', DEMO_PASSWORD]
		]);
		expect(r.location).toBe('/staff');
		return c;
	};

	const valid: [string, string][] = [
		['outcome_1_text', 'Robin makes a friend outside school'],
		['outcome_1', 'achieved'],
		['outcome_2_text', 'Robin sleeps away from home for one night'],
		['outcome_2', 'partly'],
		['outcome_3_text', ''],
		['outcome_3', ''],
		['package_outcomes', 'achieved'],
		['evaluation', 'Robin goes to the Saturday club on his own now.\nHis mum says he is calmer.']
	];

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		server = await startServer(env);
		staff = await signIn('staff@example.org');
		const created = await staff.post('/staff/children', [
			['reference', 'RIV-REPORT-1'],
			['display_name', 'Robin'],
			['dob_day', '3'],
			['dob_month', '4'],
			['dob_year', '2016'],
			['send_needs', 'autism']
		]);
		expect(created.status).toBe(303);
		childPath = created.location!;
		const page = await staff.get(childPath);
		const serviceId = /<select[^>]*id="service_id"[\s\S]*?<option value="([0-9a-f-]{36})"/.exec(
			page.html
		)![1]!;
		const added = await staff.post(`${childPath}?/carePackage`, [
			['service_id', serviceId],
			['starts_on', '2025-09-01'],
			['ends_on', '2026-03-31'],
			['personal_care_hours', '0'],
			['short_break_daytime_hours', '6'],
			['break_time_hours', '0'],
			['break_time_plus_hours', '0'],
			['overnight_hours', '2.5']
		]);
		expect(added.status).toBe(200);
		// The package's id is not on the child's page: read it while the server is stopped (PGlite
		// allows one process at a time).
		await server.stop();
		const childId = childPath.split('/').at(-1)!;
		const packageId = await prepare(env, async ({ connection: { db } }) => {
			const row = await db
				.selectFrom('care_package')
				.select('id')
				.where('child_id', '=', childId)
				.executeTakeFirstOrThrow();
			return row.id;
		});
		reportPath = `${childPath}/packages/${packageId}/report`;
		server = await startServer(env);
		// The same signed-in session, on the restarted server's new port.
		const cookies = staff.cookies;
		staff = new Client(server.url);
		staff.cookies = cookies;
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	it('shows the package and an empty report form', async () => {
		const page = await staff.get(reportPath);
		expect(page.status).toBe(200);
		expect(page.html).toContain('<title>End of care package report – Voices</title>');
		expect(page.html).toContain('Robin (RIV-REPORT-1)');
		expect(page.html).toContain('1 September 2025');
		expect(page.html).toContain('31 March 2026');
		expect(page.html).toContain('Overnight: 2.50');
		expect(page.html).toContain('name="evaluation"');
		expect(page.html).toContain('No survey answers recorded for this package yet');
	});

	it('refuses an incomplete report with an error summary and a message at each field', async () => {
		const r = await staff.post(reportPath, [
			['outcome_1_text', ''],
			['outcome_2', 'partly'],
			['evaluation', 'x'.repeat(50)]
		]);
		expect(r.status).toBe(400);
		expect(r.html).toContain('<title>Error: End of care package report – Voices</title>');
		expect(r.html).toContain('There is a problem');
		for (const [field, message] of [
			['outcome_1_text', 'Enter what care plan outcome 1 says'],
			['outcome_1', 'Choose whether outcome 1 was achieved'],
			['outcome_2_text', 'Enter what care plan outcome 2 says'],
			['package_outcomes', 'Choose whether the care package achieved the outcomes in the care plan']
		])
			expect(r.html).toContain(`<a href="#${field}">${message}</a>`);
		// What was typed or chosen is kept.
		expect(r.html).toMatch(/id="outcome_2-partly"[^>]*checked/);
		expect(r.html).toContain('x'.repeat(50));
	});

	it('refuses a forged field without saving anything', async () => {
		const r = await staff.post(reportPath, [...valid, ['outcome_4', 'achieved']]);
		expect(r.status).toBe(400);
		expect(r.html).toContain('Unexpected field');
		expect((await staff.get(reportPath)).html).toContain('name="evaluation"');
	});

	it('saves a valid report and then shows it read-only', async () => {
		const r = await staff.post(reportPath, valid);
		expect(r.status).toBe(303);
		expect(r.location).toBe(`${reportPath}?saved=1`);
		const page = await staff.get(r.location!);
		expect(page.status).toBe(200);
		expect(page.html).toContain('End of care package report saved');
		expect(page.html).toContain('Robin makes a friend outside school');
		expect(page.html).toContain('Robin sleeps away from home for one night');
		expect(page.html).toContain('Partly achieved');
		expect(page.html).toContain('His mum says he is calmer.');
		expect(page.html).not.toContain('name="evaluation"');
	});

	it('refuses a second report for the same package', async () => {
		const changed = valid.map(([k, v]): [string, string] => [
			k,
			k === 'package_outcomes' ? 'not_achieved' : v
		]);
		const r = await staff.post(reportPath, changed);
		expect(r.status).toBe(409);
		expect(r.html).toContain(
			'An end of care package report has already been recorded for this package'
		);
		expect(r.html).toContain('<title>Error: End of care package report – Voices</title>');
		expect(r.html).toContain('Robin makes a friend outside school');
	});

	it('reports the package as not found to another provider’s staff', async () => {
		const other = await signIn('staff@pennine.example.org');
		expect((await other.get(reportPath)).status).toBe(404);
		expect((await other.post(reportPath, valid)).status).toBe(404);
	});

	it('stored one completed staff review, counted once for package.outcomes', async () => {
		await server.stop();
		await prepare(env, async ({ connection: { db } }) => {
			const responses = await db
				.selectFrom('response')
				.select(['source', 'completion_mode', 'variant', 'completed_at'])
				.where('child_id', '=', childPath.split('/').at(-1)!)
				.execute();
			expect(responses).toEqual([
				{
					source: 'end_of_care_package',
					completion_mode: null,
					variant: 'staff-review',
					completed_at: expect.any(Date)
				}
			]);
			const tally = await db
				.selectFrom('measure_tally_all')
				.select((eb) => [eb.fn.sum<number>('positive').as('positive')])
				.where('measure_id', '=', 'package.outcomes')
				.executeTakeFirstOrThrow();
			expect(Number(tally.positive)).toBe(1);
		});
		server = await startServer(env);
	});
});
