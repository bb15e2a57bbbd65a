import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { currentCode } from '../../src/lib/server/auth/totp';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as responseRepo from '../../src/lib/server/db/response';
import * as userRepo from '../../src/lib/server/db/user';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import * as invitations from '../../src/lib/server/invitations/links';
import * as safeguarding from '../../src/lib/server/alerts/safeguarding';
import { Client } from '../helpers/client';
import { databaseKinds } from '../helpers/database';
import type { App } from '../../src/lib/server/app';
import { prepare } from '../helpers/prepare';
import { startServer, type RunningServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { serverTarget } from '../helpers/target';
import { preparedOnce } from '../helpers/template';

// The access matrix: every staff page and action, as every role, including a second provider's
// staff and a member of the same provider who is not the safeguarding lead. Each cell is the
// status the server must answer; each refused change is checked in the database afterwards.
// Removing any one access check turns at least one cell red (docs/architecture.md: tests).

type Who = 'anon' | 'admin' | 'comm' | 'mgrA' | 'staffA' | 'staffA2' | 'mgrB' | 'staffB';
const WHO: Who[] = ['anon', 'admin', 'comm', 'mgrA', 'staffA', 'staffA2', 'mgrB', 'staffB'];

describe.each(databaseKinds)('access matrix on %s', (kind) => {
	let server: RunningServer;
	let env: Record<string, string>;
	let smtp: TestSmtp | undefined;
	let drop = async () => {};
	const clients = {} as Record<Who, Client>;
	const ids = {} as Record<
		| 'childA'
		| 'alertA'
		| 'invitationA'
		| 'openLinkA'
		| 'serviceA'
		| 'serviceB'
		| 'staffB'
		| 'staffA2'
		| 'childB'
		| 'packageA'
		| 'packageB'
		| 'dorsetProvider'
		| 'pennine'
		| 'riverside'
		| 'lancashire'
		| 'dorset'
		| 'commissionA',
		string
	>;

	beforeAll(async () => {
		({ env, drop } = await serverTarget(kind));
		// Mail is set up, so a carer's invitation can be sent: only its scope can refuse it.
		smtp = await startSmtp();
		env = { ...env, SMTP_URL: smtp.url, MAIL_FROM: 'voices@council.example' };
		const seed = async (app: App) => {
			const db = app.connection.db;
			const providers = await db.selectFrom('provider').select(['id', 'name']).execute();
			const riverside = providers.find((p) => p.name === 'Riverside Short Breaks')!.id;
			const pennine = providers.find((p) => p.name === 'Pennine Play Clubs')!.id;
			ids.dorsetProvider = providers.find((p) => p.name === 'Harbour View Homes')!.id;
			ids.riverside = riverside;
			const councils = await db.selectFrom('council').select(['id', 'code']).execute();
			ids.lancashire = councils.find((c) => c.code === 'lancashire')!.id;
			ids.dorset = councils.find((c) => c.code === 'dorset')!.id;
			ids.pennine = pennine;
			// Dorset commissions Pennine under the Lancashire framework too: a return of another
			// council that is owed, for the council scope to be all that keeps a commissioner out.
			await providerRepo.commission(db, ids.dorset, pennine, '2025-04-01', 'lancashire');
			ids.commissionA = (
				await db
					.selectFrom('commission')
					.select('id')
					.where('provider_id', '=', riverside)
					.executeTakeFirstOrThrow()
			).id;
			const hash = await hashPassword(DEMO_PASSWORD);
			const extra = [
				['staff2@example.org', 'Second Riverside', 'provider_staff', riverside],
				['manager@pennine.example.org', 'Pennine Manager', 'provider_manager', pennine]
			] as const;
			for (const [email, name, role, provider] of extra) {
				const u = await userRepo.insert(db, {
					email,
					display_name: name,
					role,
					council_id: null,
					provider_id: provider,
					password_hash: hash
				});
				if (email.startsWith('staff2')) ids.staffA2 = u.id;
			}
			ids.staffB = (await userRepo.findByEmail(db, 'staff@pennine.example.org'))!.id;
			const serviceA = (
				await db.selectFrom('service').select('id').where('provider_id', '=', riverside).execute()
			)[0]!.id;
			ids.serviceA = serviceA;
			const child = await childRepo.insert(db, {
				provider_id: riverside,
				reference: 'RIV-001',
				display_name: 'Zephyrine',
				date_of_birth: '2015-06-01',
				send_needs: '["autism"]'
			});
			ids.childA = child.id;
			ids.childB = (
				await childRepo.insert(db, {
					provider_id: pennine,
					reference: 'PEN-001',
					display_name: 'Quillon',
					date_of_birth: '2014-01-01',
					send_needs: '[]'
				})
			).id;
			// One open care package each: a child's package is theirs alone (its report, its end).
			const serviceB = (
				await db.selectFrom('service').select('id').where('provider_id', '=', pennine).execute()
			)[0]!.id;
			ids.serviceB = serviceB;
			const hours = {
				personal_care_hours: '0',
				short_break_daytime_hours: '4',
				break_time_hours: '0',
				break_time_plus_hours: '0',
				overnight_hours: '0'
			};
			for (const [key, childId, serviceId] of [
				['packageA', ids.childA, serviceA],
				['packageB', ids.childB, serviceB]
			] as const) {
				const p = await carePackageRepo.insert(db, {
					child_id: childId,
					service_id: serviceId,
					starts_on: '2026-01-05',
					ends_on: null,
					end_reason: null,
					end_explanation: null,
					...hours
				});
				ids[key] = p.id;
			}
			const issued = await invitations.issue(db, {
				surveyId: 'short-breaks-child-symbols',
				serviceId: serviceA,
				respondent: 'child',
				source: 'annual_review',
				expiresAt: new Date(Date.now() + 86400_000),
				childId: child.id
			});
			ids.invitationA = issued.invitation.id;
			// An open link of provider A: its cap may be set only inside provider A.
			const open = await invitations.issue(db, {
				surveyId: 'short-breaks-child-symbols',
				serviceId: serviceA,
				respondent: 'child',
				source: 'satisfaction_survey',
				expiresAt: new Date(Date.now() + 86400_000),
				isOpen: true
			});
			ids.openLinkA = open.invitation.id;
			const response = await responseRepo.start(db, {
				survey_version_id: app.versionIds.get('short-breaks-child-symbols')!,
				invitation_id: issued.invitation.id,
				service_id: serviceA,
				child_id: child.id,
				source: 'annual_review',
				language: 'en',
				variant: 'symbols',
				client_submission_id: issued.invitation.id
			});
			await db
				.insertInto('answer')
				.values({
					response_id: response.id,
					question_name: 'feel_safe',
					value: '"no"',
					measure_id: 'safe.feel_safe',
					classification: 'negative'
				})
				.execute();
			await safeguarding.raise(
				db,
				{ responseId: response.id, questionName: 'feel_safe', serviceId: serviceA },
				1
			);
			ids.alertA = (
				await db.selectFrom('safeguarding_alert').select('id').executeTakeFirstOrThrow()
			).id;
			// A second alert raised a week ago is overdue.
			await safeguarding.raise(
				db,
				{
					responseId: response.id,
					questionName: 'safe_help',
					serviceId: serviceA,
					raisedAt: new Date(Date.now() - 7 * 86400_000)
				},
				1
			);
		};
		// The mutation run prepares this once and starts each mutant from a copy.
		const prepared = await preparedOnce(env, async () => {
			await prepare(env, seed);
			return ids;
		});
		Object.assign(ids, prepared);
		server = await startServer(env);
		const login: Record<Exclude<Who, 'anon'>, string> = {
			admin: 'admin@example.org',
			comm: 'commissioner@example.org',
			mgrA: 'manager@example.org',
			staffA: 'staff@example.org',
			staffA2: 'staff2@example.org',
			mgrB: 'manager@pennine.example.org',
			staffB: 'staff@pennine.example.org'
		};
		clients.anon = new Client(server.url);
		for (const [who, email] of Object.entries(login) as [Exclude<Who, 'anon'>, string][]) {
			const c = new Client(server.url);
			const r = await c.post('/sign-in', [
				['email', email],
				['password', DEMO_PASSWORD]
			]);
			if (r.location === '/sign-in/two-factor') {
				const key = DEMO_ACCOUNTS.find((a) => a.email === email)!.totp!;
				const second = await c.post('/sign-in/two-factor', [['code', currentCode(key)]]);
				expect(second.location, email).toBe('/staff');
			} else {
				expect(r.location, email).toBe('/staff');
			}
			clients[who] = c;
		}
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
		await smtp?.close();
		await drop();
	});

	// Expected status per role: 200 allowed, 303 to sign-in, 403 wrong role, 404 not theirs.
	const pages: [string, (i: typeof ids) => string, Record<Who, number>][] = [
		[
			'staff home',
			() => '/staff',
			{
				anon: 303,
				admin: 200,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'children',
			() => '/staff/children',
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'a child',
			(i) => `/staff/children/${i.childA}`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'invitations',
			() => '/staff/invitations',
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'invitations sent to carers',
			() => '/staff/invitations/send',
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'alerts',
			() => '/staff/alerts',
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'an alert',
			(i) => `/staff/alerts/${i.alertA}`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 404,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'services',
			() => '/staff/services',
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 403,
				staffA2: 403,
				mgrB: 200,
				staffB: 403
			}
		],
		[
			'users',
			() => '/staff/users',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 200,
				staffA: 403,
				staffA2: 403,
				mgrB: 200,
				staffB: 403
			}
		],
		[
			'dashboard',
			() => '/staff/dashboard?breakdown=age_band',
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'dashboard trend',
			() => '/staff/dashboard/trend?measure=safe.feel_safe',
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'dashboard export',
			() => '/staff/dashboard/export?page=compare&format=csv',
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'targets',
			() => '/staff/dashboard/targets',
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'returns',
			() => '/staff/returns',
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'a Riverside return',
			(i) => `/staff/returns/${i.lancashire}/${i.riverside}/quarterly/2025-Q1`,
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'a Riverside return as Excel',
			(i) => `/staff/returns/${i.lancashire}/${i.riverside}/annual/FY2025/excel`,
			{
				anon: 303,
				admin: 403,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'another council’s owed return',
			(i) => `/staff/returns/${i.dorset}/${i.pennine}/quarterly/2025-Q2`,
			{
				anon: 303,
				admin: 403,
				comm: 404,
				mgrA: 404,
				staffA: 404,
				staffA2: 404,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'another council’s return',
			(i) => `/staff/returns/${i.dorset}/${i.dorsetProvider}/monthly/2025-04`,
			{
				anon: 303,
				admin: 403,
				comm: 404,
				mgrA: 404,
				staffA: 404,
				staffA2: 404,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'a child’s care package report',
			(i) => `/staff/children/${i.childA}/packages/${i.packageA}/report`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'another child’s care package report',
			(i) => `/staff/children/${i.childA}/packages/${i.packageB}/report`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 404,
				staffA: 404,
				staffA2: 404,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'sessions',
			() => '/staff/sessions',
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'a Riverside register',
			(i) => `/staff/sessions?service=${i.serviceA}&date=2026-02-02`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'organisations',
			() => '/staff/organisations',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a new council',
			() => '/staff/organisations/councils/new',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a council',
			(i) => `/staff/organisations/councils/${i.lancashire}`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'the question before retiring a council',
			(i) => `/staff/organisations/councils/${i.lancashire}?retire`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'the question before retiring a provider',
			(i) => `/staff/organisations/providers/${i.riverside}?retire`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'the question before retiring a service',
			(i) => `/staff/organisations/providers/${i.riverside}/services/${i.serviceA}?retire`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a new provider',
			() => '/staff/organisations/providers/new',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a provider',
			(i) => `/staff/organisations/providers/${i.riverside}`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a provider’s new service',
			(i) => `/staff/organisations/providers/${i.riverside}/services/new`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a provider’s service',
			(i) => `/staff/organisations/providers/${i.riverside}/services/${i.serviceA}`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a new commission',
			() => '/staff/organisations/commissions/new',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'a commission',
			(i) => `/staff/organisations/commissions/${i.commissionA}`,
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'another provider’s service under a provider',
			(i) => `/staff/organisations/providers/${i.riverside}/services/${i.serviceB}`,
			{
				anon: 303,
				admin: 404,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'changing a service',
			(i) => `/staff/services/${i.serviceA}`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 403,
				staffA2: 403,
				mgrB: 404,
				staffB: 403
			}
		],
		[
			'changing a child’s record',
			(i) => `/staff/children/${i.childA}/change`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'changing a care package',
			(i) => `/staff/children/${i.childA}/packages/${i.packageA}`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'changing another child’s care package',
			(i) => `/staff/children/${i.childA}/packages/${i.packageB}`,
			{
				anon: 303,
				admin: 403,
				comm: 403,
				mgrA: 404,
				staffA: 404,
				staffA2: 404,
				mgrB: 404,
				staffB: 404
			}
		],
		[
			'audit log',
			() => '/staff/audit',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		],
		[
			'your notifications',
			() => '/staff/notifications',
			{
				anon: 303,
				admin: 200,
				comm: 200,
				mgrA: 200,
				staffA: 200,
				staffA2: 200,
				mgrB: 200,
				staffB: 200
			}
		],
		[
			'scheduled and background jobs',
			() => '/staff/jobs',
			{
				anon: 303,
				admin: 200,
				comm: 403,
				mgrA: 403,
				staffA: 403,
				staffA2: 403,
				mgrB: 403,
				staffB: 403
			}
		]
	];

	describe.each(pages)('%s', (_name, path, expected) => {
		it.each(WHO)('as %s', async (who) => {
			const r = await clients[who].get(path(ids));
			expect(r.status).toBe(expected[who]);
			if (r.status === 303) expect(r.location).toBe('/sign-in');
		});
	});

	it('never shows one provider’s children, alerts or invitations to another', async () => {
		for (const who of ['mgrB', 'staffB'] as const) {
			for (const path of ['/staff/children', '/staff/invitations', '/staff/alerts']) {
				const r = await clients[who].get(path);
				expect(r.html, `${who} ${path}`).not.toContain('Zephyrine');
			}
		}
		for (const path of ['/staff/children', '/staff/invitations']) {
			expect((await clients.mgrA.get(path)).html).not.toContain('Quillon');
		}
		// Overdue alerts are marked, in words as well as colour.
		const queue = (await clients.mgrA.get('/staff/alerts')).html;
		expect(queue.match(/class="tag tag-overdue">Overdue/g)).toHaveLength(1);
		// The home page says so too, for the provider's own alerts only.
		expect((await clients.mgrA.get('/staff')).html).toContain(
			'1 safeguarding alert is past the time to acknowledge it'
		);
		expect((await clients.mgrB.get('/staff')).html).not.toContain('safeguarding alert');
		// Only the lead (and managers) see an alert in the list.
		expect((await clients.staffA.get('/staff/alerts')).html).toContain('Zephyrine');
		expect((await clients.staffA2.get('/staff/alerts')).html).not.toContain('Zephyrine');
		// Users: a manager sees their own provider's staff only.
		const users = (await clients.mgrA.get('/staff/users')).html;
		expect(users).toContain('staff@example.org');
		expect(users).not.toContain('pennine');
		// A commissioner's view has counts, never a child.
		expect((await clients.comm.get('/staff')).html).not.toContain('Zephyrine');
		// The dashboard: a provider sees only their own services, whatever the URL asks for.
		const theirs = await clients.mgrB.get(
			`/staff/dashboard?breakdown=service&provider=${ids.dorsetProvider}&service=${ids.serviceA}`
		);
		expect(theirs.html).toContain('Pennine Saturday Club');
		expect(theirs.html).not.toContain('Riverside');
		expect(theirs.html).toContain('Choose a service from the list');
		const csv = (await clients.mgrB.get('/staff/dashboard/export?page=main&format=csv')).html;
		expect(csv).toContain('Pennine Play Clubs');
		expect(csv).not.toContain('Riverside');
		// Returns owed: a provider's own only, and a commissioner's council's only.
		const owedB = (await clients.mgrB.get('/staff/returns')).html;
		expect(owedB).toContain('Pennine Play Clubs');
		expect(owedB).not.toContain('Riverside');
		const owedComm = (await clients.comm.get('/staff/returns')).html;
		expect(owedComm).toContain('Riverside');
		expect(owedComm).not.toContain('Harbour View');
		// A commissioner cannot reach another council's provider.
		const other = await clients.comm.get(`/staff/dashboard?provider=${ids.dorsetProvider}`);
		expect(other.html).toContain('Choose a provider from the list');
		expect(other.html).not.toContain('Harbour View');
	});

	// Refused changes: each must be refused with the status shown and change nothing.
	const actions: [string, Who, (i: typeof ids) => [string, [string, string][]], number][] = [
		[
			'add a care package to another provider’s child',
			'staffB',
			(i) => [
				`/staff/children/${i.childA}?/carePackage`,
				[
					['service_id', i.serviceA],
					['starts_on', '2026-04-01']
				]
			],
			404
		],
		[
			'end another provider’s child’s care package',
			'staffB',
			(i) => [
				`/staff/children/${i.childA}?/endPackage`,
				[
					['package_id', i.packageA],
					['end_on', '2026-03-01'],
					['end_reason', 'completed'],
					['end_explanation', '']
				]
			],
			404
		],
		[
			'end another child’s care package from one’s own child',
			'mgrA',
			(i) => [
				`/staff/children/${i.childA}?/endPackage`,
				[
					['package_id', i.packageB],
					['end_on', '2026-03-01'],
					['end_reason', 'completed'],
					['end_explanation', '']
				]
			],
			404
		],
		[
			'write the report of another provider’s care package',
			'mgrB',
			(i) => [
				`/staff/children/${i.childA}/packages/${i.packageA}/report`,
				[
					['outcome_1_text', 'Makes friends'],
					['outcome_1', 'achieved'],
					['package_outcomes', 'achieved'],
					['evaluation', 'x']
				]
			],
			404
		],
		[
			'record a register at another provider’s service',
			'staffB',
			(i) => [
				`/staff/sessions?/record&service=${i.serviceA}&date=2026-02-02&type=short_break_daytime_hours`,
				[
					['hours', '2'],
					[`status_${i.packageA}`, 'attended']
				]
			],
			404
		],
		[
			'erase another provider’s child',
			'mgrB',
			(i) => [`/staff/children/${i.childA}?/erase`, [['confirm', 'RIV-001']]],
			404
		],
		[
			'erase a child as staff, not manager',
			'staffA',
			(i) => [`/staff/children/${i.childA}?/erase`, [['confirm', 'RIV-001']]],
			403
		],
		[
			'hand another provider’s child a survey',
			'staffB',
			(i) => [
				`/staff/children/${i.childA}?/assist`,
				[
					['assist_survey', 'short-breaks-child-symbols'],
					['assist_service', i.serviceA],
					['assist_source', 'annual_review']
				]
			],
			404
		],
		[
			'revoke another provider’s invitation',
			'staffB',
			(i) => ['/staff/invitations?/revoke', [['id', i.invitationA]]],
			404
		],
		[
			'cap another provider’s open link',
			'staffB',
			(i) => [
				'/staff/invitations?/cap',
				[
					['id', i.openLinkA],
					['cap', '5']
				]
			],
			404
		],
		[
			'cap a personal invitation, which is not an open link',
			'staffA',
			(i) => [
				'/staff/invitations?/cap',
				[
					['id', i.invitationA],
					['cap', '5']
				]
			],
			404
		],
		[
			'invite another provider’s child',
			'staffB',
			(i) => [
				'/staff/invitations?/create',
				[
					['children', i.childA],
					['survey', 'short-breaks-child-symbols'],
					['service', i.serviceB],
					['respondent', 'child'],
					['source', 'annual_review'],
					['days', '28']
				]
			],
			400
		],
		[
			'send another provider’s child’s carer an invitation',
			'staffB',
			(i) => [
				'/staff/invitations/send',
				[
					['child', i.childA],
					['survey', 'preferred'],
					['service', i.serviceB],
					['source', 'annual_review'],
					['language', 'preferred'],
					['channel', 'email'],
					['address', 'carer@example.net'],
					['days', '28']
				]
			],
			400
		],
		[
			'send a carer an invitation as a commissioner',
			'comm',
			(i) => [
				'/staff/invitations/send',
				[
					['child', i.childA],
					['survey', 'preferred'],
					['service', i.serviceA],
					['source', 'annual_review'],
					['language', 'preferred'],
					['channel', 'email'],
					['address', 'carer@example.net'],
					['days', '28']
				]
			],
			403
		],
		[
			'acknowledge another provider’s alert',
			'mgrB',
			(i) => [`/staff/alerts/${i.alertA}`, [['note', 'x']]],
			404
		],
		[
			'acknowledge an alert when not the lead',
			'staffA2',
			(i) => [`/staff/alerts/${i.alertA}`, [['note', 'x']]],
			404
		],
		[
			'acknowledge an alert as commissioner',
			'comm',
			(i) => [`/staff/alerts/${i.alertA}`, [['note', 'x']]],
			403
		],
		[
			'set another provider’s safeguarding lead',
			'mgrB',
			(i) => [
				'/staff/services?/lead',
				[
					['service', i.serviceA],
					['lead', '']
				]
			],
			404
		],
		[
			'make another provider’s staff a lead',
			'mgrA',
			(i) => [
				'/staff/services?/lead',
				[
					['service', i.serviceA],
					['lead', i.staffB]
				]
			],
			400
		],
		[
			'issue a reset link for another provider’s staff',
			'mgrA',
			(i) => ['/staff/users?/reset', [['id', i.staffB]]],
			404
		],
		[
			'issue a reset link as staff',
			'staffA',
			(i) => ['/staff/users?/reset', [['id', i.staffA2]]],
			403
		],
		[
			'unlink another provider’s staff from the identity provider',
			'mgrA',
			(i) => ['/staff/users?/unlink', [['id', i.staffB]]],
			404
		],
		[
			'unlink an account from the identity provider as staff',
			'staffA',
			(i) => ['/staff/users?/unlink', [['id', i.staffA2]]],
			403
		],
		[
			'unlink an account from the identity provider as a commissioner',
			'comm',
			(i) => ['/staff/users?/unlink', [['id', i.staffA2]]],
			403
		],
		[
			'create an administrator as a manager',
			'mgrA',
			() => [
				'/staff/users?/create',
				[
					['email', 'new@example.org'],
					['name', 'New'],
					['role', 'administrator'],
					['organisation', '']
				]
			],
			400
		],
		[
			'create a user as a commissioner',
			'comm',
			() => [
				'/staff/users?/create',
				[
					['email', 'new2@example.org'],
					['name', 'New'],
					['role', 'provider_staff'],
					['organisation', '']
				]
			],
			403
		],
		[
			'add a child as an administrator',
			'admin',
			() => [
				'/staff/children',
				[
					['reference', 'X1'],
					['display_name', 'X'],
					['dob_day', '1'],
					['dob_month', '1'],
					['dob_year', '2015']
				]
			],
			403
		],
		[
			'set targets as a provider manager',
			'mgrA',
			() => [
				'/staff/dashboard/targets',
				[
					['provider', ''],
					['green-safe.feel_safe', '90'],
					['amber-safe.feel_safe', '80']
				]
			],
			403
		],
		[
			'set targets for another council’s provider',
			'comm',
			(i) => [
				'/staff/dashboard/targets',
				[
					['provider', i.dorsetProvider],
					['green-safe.feel_safe', '90'],
					['amber-safe.feel_safe', '80']
				]
			],
			404
		],
		[
			'submit a return as the commissioner',
			'comm',
			(i) => [
				`/staff/returns/${i.lancashire}/${i.riverside}/monthly/2025-04?/submit`,
				[['comment', 'x']]
			],
			403
		],
		[
			'submit another provider’s return',
			'mgrB',
			(i) => [
				`/staff/returns/${i.lancashire}/${i.riverside}/monthly/2025-04?/submit`,
				[['comment', 'x']]
			],
			404
		],
		[
			'submit another council’s return',
			'mgrA',
			(i) => [
				`/staff/returns/${i.dorset}/${i.riverside}/monthly/2025-04?/submit`,
				[['comment', 'x']]
			],
			404
		],
		[
			'accept a return as a provider manager',
			'mgrA',
			(i) => [
				`/staff/returns/${i.lancashire}/${i.riverside}/monthly/2025-04?/decide`,
				[
					['decision', 'accepted'],
					['comment', '']
				]
			],
			403
		],
		[
			'add a council as a commissioner',
			'comm',
			() => [
				'/staff/organisations/councils/new?/save',
				[
					['code', 'newcouncil'],
					['name', 'New Council']
				]
			],
			403
		],
		[
			'add a council as a provider manager',
			'mgrA',
			() => [
				'/staff/organisations/councils/new?/save',
				[
					['code', 'newcouncil'],
					['name', 'New Council']
				]
			],
			403
		],
		[
			'add a council signed out',
			'anon',
			() => [
				'/staff/organisations/councils/new?/save',
				[
					['code', 'newcouncil'],
					['name', 'New Council']
				]
			],
			303
		],
		[
			'change a council as a commissioner',
			'comm',
			(i) => [
				`/staff/organisations/councils/${i.lancashire}?/save`,
				[
					['code', 'newcouncil'],
					['name', 'New Council']
				]
			],
			403
		],
		[
			'retire a council as a commissioner',
			'comm',
			(i) => [`/staff/organisations/councils/${i.lancashire}?/retire`, []],
			403
		],
		[
			'add a provider as a provider manager',
			'mgrA',
			() => [
				'/staff/organisations/providers/new?/save',
				[
					['name', 'New Provider'],
					['regulator_reference', '']
				]
			],
			403
		],
		[
			'rename a provider as its manager',
			'mgrA',
			(i) => [
				`/staff/organisations/providers/${i.riverside}?/save`,
				[
					['name', 'Renamed'],
					['regulator_reference', '']
				]
			],
			403
		],
		[
			'retire a provider as its staff',
			'staffA',
			(i) => [`/staff/organisations/providers/${i.riverside}?/retire`, []],
			403
		],
		[
			'add a service to a provider as its manager',
			'mgrA',
			(i) => [
				`/staff/organisations/providers/${i.riverside}/services/new?/save`,
				[
					['name', 'New service'],
					['kind', 'short_break'],
					['council', i.lancashire],
					['lead', ''],
					['hour_types', 'break_time_hours']
				]
			],
			403
		],
		[
			'retire a service as its manager',
			'mgrA',
			(i) => [`/staff/organisations/providers/${i.riverside}/services/${i.serviceA}?/retire`, []],
			403
		],
		[
			'retire a service under another provider',
			'admin',
			(i) => [
				`/staff/organisations/providers/${i.dorsetProvider}/services/${i.serviceA}?/retire`,
				[]
			],
			404
		],
		[
			'change a service under another provider',
			'admin',
			(i) => [
				`/staff/organisations/providers/${i.dorsetProvider}/services/${i.serviceA}?/save`,
				[
					['name', 'Renamed'],
					['lead', ''],
					['hour_types', 'break_time_hours']
				]
			],
			404
		],
		[
			'add a commission as a commissioner',
			'comm',
			(i) => [
				'/staff/organisations/commissions/new?/save',
				[
					['council', i.lancashire],
					['provider', i.dorsetProvider],
					['framework', 'dorset'],
					['starts_on', '2026-04-01'],
					['ends_on', '']
				]
			],
			403
		],
		[
			'end a commission as a commissioner',
			'comm',
			(i) => [
				`/staff/organisations/commissions/${i.commissionA}?/save`,
				[
					['framework', 'lancashire'],
					['starts_on', '2025-04-01'],
					['ends_on', '2025-04-30']
				]
			],
			403
		],
		[
			'change another provider’s service',
			'mgrB',
			(i) => [
				`/staff/services/${i.serviceA}`,
				[
					['name', 'Renamed'],
					['lead', ''],
					['hour_types', 'break_time_hours']
				]
			],
			404
		],
		[
			'change a service as staff, not manager',
			'staffA',
			(i) => [
				`/staff/services/${i.serviceA}`,
				[
					['name', 'Renamed'],
					['lead', ''],
					['hour_types', 'break_time_hours']
				]
			],
			403
		],
		[
			'change a service as an administrator on the provider’s page',
			'admin',
			(i) => [
				`/staff/services/${i.serviceA}`,
				[
					['name', 'Renamed'],
					['lead', ''],
					['hour_types', 'break_time_hours']
				]
			],
			403
		],
		[
			'change another provider’s child',
			'mgrB',
			(i) => [
				`/staff/children/${i.childA}/change`,
				[
					['reference', 'RIV-009'],
					['display_name', 'Changed'],
					['dob_day', '1'],
					['dob_month', '1'],
					['dob_year', '2015']
				]
			],
			404
		],
		[
			'change a child as an administrator',
			'admin',
			(i) => [
				`/staff/children/${i.childA}/change`,
				[
					['reference', 'RIV-009'],
					['display_name', 'Changed'],
					['dob_day', '1'],
					['dob_month', '1'],
					['dob_year', '2015']
				]
			],
			403
		],
		[
			'change another provider’s care package',
			'mgrB',
			(i) => [
				`/staff/children/${i.childA}/packages/${i.packageA}`,
				[
					['service_id', i.serviceA],
					['starts_on', '2026-02-01'],
					['ends_on', '']
				]
			],
			404
		],
		[
			'change another child’s care package from one’s own child',
			'mgrA',
			(i) => [
				`/staff/children/${i.childA}/packages/${i.packageB}`,
				[
					['service_id', i.serviceB],
					['starts_on', '2026-02-01'],
					['ends_on', '']
				]
			],
			404
		],
		[
			'turn off another role’s notifications (a commissioner’s) as staff',
			'staffA',
			() => ['/staff/notifications', [['send', 'return.submitted']]],
			400
		],
		[
			'choose notifications signed out',
			'anon',
			() => ['/staff/notifications', [['send', 'alert.summary']]],
			303
		],
		[
			'add a child signed out',
			'anon',
			() => [
				'/staff/children',
				[
					['reference', 'X2'],
					['display_name', 'X'],
					['dob_day', '1'],
					['dob_month', '1'],
					['dob_year', '2015']
				]
			],
			303
		]
	];

	it.each(actions)('refuses to %s', async (_name, who, make, status) => {
		const [path, fields] = make(ids);
		const r = await clients[who].post(path, fields);
		expect(r.status).toBe(status);
	});

	it('left everything as it was', async () => {
		await server.stop();
		await prepare(env, async ({ connection: { db } }) => {
			const child = await childRepo.find(db, ids.childA);
			expect(child?.reference).toBe('RIV-001');
			expect(child?.display_name).toBe('Zephyrine');
			expect(child?.erased_at).toBeNull();
			const packages = await db.selectFrom('care_package').selectAll().execute();
			expect(packages.map((p) => [p.id, p.ends_on, p.end_reason]).sort()).toEqual(
				[
					[ids.packageA, null, null],
					[ids.packageB, null, null]
				].sort()
			);
			expect(packages.map((p) => p.starts_on)).toEqual(['2026-01-05', '2026-01-05']);
			expect(await db.selectFrom('activity_session').selectAll().execute()).toEqual([]);
			expect(await db.selectFrom('care_package_report').selectAll().execute()).toEqual([]);
			expect(await db.selectFrom('provider_return').selectAll().execute()).toEqual([]);
			const alerts = await db.selectFrom('safeguarding_alert').selectAll().execute();
			expect(alerts.map((a) => a.acknowledged_at)).toEqual([null, null]);
			const inv = await db
				.selectFrom('invitation')
				.selectAll()
				.where('id', '=', ids.invitationA)
				.executeTakeFirstOrThrow();
			expect(inv.revoked_at).toBeNull();
			expect(inv.response_cap).toBeNull();
			const openLink = await db
				.selectFrom('invitation')
				.selectAll()
				.where('id', '=', ids.openLinkA)
				.executeTakeFirstOrThrow();
			expect(openLink.response_cap).toBeNull();
			expect(
				await db.selectFrom('invitation').select('id').where('child_id', '=', ids.childA).execute()
			).toHaveLength(1);
			expect(await db.selectFrom('password_reset').selectAll().execute()).toEqual([]);
			expect(await db.selectFrom('notification_opt_out').selectAll().execute()).toEqual([]);
			expect(await db.selectFrom('measure_target').selectAll().execute()).toEqual([]);
			const service = await db
				.selectFrom('service')
				.selectAll()
				.where('id', '=', ids.serviceA)
				.executeTakeFirstOrThrow();
			const staffA = await userRepo.findByEmail(db, 'staff@example.org');
			expect(service.safeguarding_lead_id).toBe(staffA!.id);
			expect(service.retired_at).toBeNull();
			expect(service.hour_types).toHaveLength(5);
			expect(
				(await db.selectFrom('service').select('name').orderBy('name').execute()).map((r) => r.name)
			).toEqual([
				'Harbour View House',
				'Pennine Saturday Club',
				'Riverside Break Time',
				'Riverside overnight breaks'
			]);
			const organisations = await Promise.all(
				(['council', 'provider'] as const).map((t) =>
					db.selectFrom(t).select(['name', 'retired_at']).orderBy('name').execute()
				)
			);
			expect(organisations).toEqual([
				[
					{ name: 'Dorset Council', retired_at: null },
					{ name: 'Lancashire County Council', retired_at: null }
				],
				[
					{ name: 'Harbour View Homes', retired_at: null },
					{ name: 'Pennine Play Clubs', retired_at: null },
					{ name: 'Riverside Short Breaks', retired_at: null }
				]
			]);
			const commissions = await db.selectFrom('commission').selectAll().execute();
			// The demo's three, and the one the matrix adds (Dorset commissioning Pennine).
			expect(commissions.map((c) => [c.starts_on, c.ends_on])).toEqual([
				['2025-04-01', null],
				['2025-04-01', null],
				['2025-04-01', null],
				['2025-04-01', null]
			]);
			expect(commissions.find((c) => c.provider_id === ids.dorsetProvider)?.framework).toBe(
				'dorset'
			);
			expect(await userRepo.findByEmail(db, 'new@example.org')).toBeUndefined();
			expect(await userRepo.findByEmail(db, 'new2@example.org')).toBeUndefined();
			expect(
				await childRepo.findByReference(
					db,
					(await childRepo.find(db, ids.childB))!.provider_id,
					'X1'
				)
			).toBeUndefined();
			expect(
				await db.selectFrom('child').select('id').where('reference', 'in', ['X1', 'X2']).execute()
			).toEqual([]);
			// Only the one response above has a child (the demo's made-up responses have none).
			expect(
				await db.selectFrom('response').select('id').where('child_id', 'is not', null).execute()
			).toHaveLength(1);
		});
	});
});
