import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import * as childRepo from '../../src/lib/server/db/child';
import type { DB } from '../../src/lib/server/db/connect';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as responseRepo from '../../src/lib/server/db/response';
import * as serviceRepo from '../../src/lib/server/db/service';
import * as tally from '../../src/lib/server/db/tally';
import * as userRepo from '../../src/lib/server/db/user';
import { quarter } from '../../src/lib/calendar/periods';
import {
	assemble,
	childIds,
	withChildren,
	type Assembled
} from '../../src/lib/server/returns/assemble';
import { DEFAULT_DUE_DAYS } from '../../src/lib/server/returns/deadlines';
import { pickEntered } from '../../src/lib/server/returns/entry';
import { owedReturns } from '../../src/lib/server/returns/owed';
import * as returns from '../../src/lib/server/returns/service';
import * as activityRepo from '../../src/lib/server/db/return-activity';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

// The assembled quarterly provider return against Lancashire's own table (Schedule 2, section
// 2.2, copied verbatim into tests/fixtures/lancashire-2.2.txt): every item the seed lists must be
// in the return, in its wording, with the figure worked out by hand from the records below.

/** The "What must be reported" items of the seed's table, in order (headings left out). */
function seedItems(): { label: string; statement: string | null }[] {
	const headings = new Set([
		'2.2 Performance and Outcome Monitoring Framework',
		'Activities',
		'What must be reported',
		'How much did we do?',
		'How well did we do it?',
		'Quality and Outcomes Performance Standards',
		'OUTCOMES',
		'Children and young people will say',
		'What difference did we make?'
	]);
	const out: { label: string; statement: string | null }[] = [];
	let statement: string | null = null;
	for (const line of readFileSync('tests/fixtures/lancashire-2.2.txt', 'utf8').split('\n')) {
		const first = line.split('\t')[0]!.trim();
		if (!first || headings.has(first)) continue;
		if (first.endsWith(':')) {
			statement = first.slice(0, -1);
			continue;
		}
		out.push({ label: first, statement: first.startsWith('%') ? statement : null });
	}
	return out;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/[‘’]/g, "'").trim();

/** A survey version asking about one measure only, so each response counts there and nowhere else. */
async function versionFor(db: DB, measure: string): Promise<string> {
	const id = `test-${measure}`;
	await db
		.insertInto('survey')
		.values({ id, title: id, variant: 'standard', respondent: 'child' })
		.execute();
	const rules = { q: { measure, positive: ['x'], notCounted: [], safeguarding: [] } };
	const row = await db
		.insertInto('survey_version')
		.values({
			survey_id: id,
			content_hash: id,
			definition: JSON.stringify({ variant: 'standard' }),
			rules: JSON.stringify(rules)
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

let submission = 0;
async function respond(
	db: DB,
	versions: Map<string, string>,
	serviceId: string,
	answers: { measure: string; classification: 'positive' | 'negative' | 'not_counted' }[],
	o: { childId?: string; source?: 'end_of_care_package'; extra?: Record<string, string> } = {}
) {
	const measure = answers[0]!.measure;
	if (!versions.has(measure)) versions.set(measure, await versionFor(db, measure));
	const r = await responseRepo.start(db, {
		survey_version_id: versions.get(measure)!,
		service_id: serviceId,
		child_id: o.childId ?? null,
		source: o.source ?? 'satisfaction_survey',
		language: 'en',
		variant: 'standard',
		completion_mode: 'alone',
		client_submission_id: `00000000-0000-4000-9000-${String(++submission).padStart(12, '0')}`
	});
	let q = 0;
	for (const a of answers)
		await db
			.insertInto('answer')
			.values({
				response_id: r.id,
				question_name: a.measure === 'package.outcomes' ? 'package_outcomes' : `q${++q}`,
				value: JSON.stringify(a.measure === 'package.outcomes' ? 'achieved' : 'x'),
				measure_id: a.measure,
				classification: a.classification
			})
			.execute();
	for (const [name, value] of Object.entries(o.extra ?? {}))
		await db
			.insertInto('answer')
			.values({ response_id: r.id, question_name: name, value: JSON.stringify(value) })
			.execute();
	await db.transaction().execute(async (trx) => {
		await responseRepo.complete(trx, r.id, new Date('2026-05-25T10:00:00Z'));
		await tally.addResponse(trx, r.id);
	});
	return r.id;
}

describe.each(databaseKinds)('the assembled quarterly provider return on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let councilId: string;
	let providerId: string;
	let serviceId: string;
	let provider: StaffUser;
	let commissioner: StaffUser;
	const kids: Record<string, string> = {};
	const period = quarter('2026-05-01'); // Q1 2026-27: 1 April to 30 June 2026

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		const seeded = await seedOrganisation(db);
		serviceId = seeded.serviceId;
		const service = (await serviceRepo.find(db, serviceId))!;
		councilId = service.council_id;
		providerId = service.provider_id;
		const user = async (role: StaffUser['role'], email: string): Promise<StaffUser> => {
			const row = await userRepo.insert(db, {
				email,
				display_name: email,
				role,
				council_id: role === 'commissioner' ? councilId : null,
				provider_id: role === 'commissioner' ? null : providerId,
				password_hash: 'x'
			});
			return {
				id: row.id,
				email,
				displayName: email,
				role,
				councilId: row.council_id,
				providerId: row.provider_id,
				hasTotp: false
			};
		};
		provider = await user('provider_manager', 'manager@example.org');
		commissioner = await user('commissioner', 'commissioner@example.org');

		const packages: Record<string, string> = {};
		for (const [ref, starts, ends] of [
			['A1', '2026-01-01', null],
			['B2', '2026-04-01', null],
			['C3', '2026-04-01', '2026-05-20'],
			['D4', '2026-01-01', '2026-03-31']
		] as const) {
			const child = await childRepo.insert(db, {
				provider_id: providerId,
				reference: ref,
				display_name: `Child ${ref}`,
				date_of_birth: '2015-06-01',
				send_needs: '[]'
			});
			kids[ref] = child.id;
			const p = await db
				.insertInto('care_package')
				.values({
					child_id: child.id,
					service_id: serviceId,
					starts_on: starts,
					ends_on: ends,
					...(ref === 'C3'
						? {
								end_reason: 'broke_down',
								end_explanation: 'Needs changed; now at a residential school'
							}
						: {}),
					personal_care_hours: 0,
					short_break_daytime_hours: 0,
					break_time_hours: 0,
					break_time_plus_hours: 0,
					overnight_hours: 0
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			packages[ref] = p.id;
		}
		const sessions: [string, string, string, number, string, string | null][] = [
			['A1', '2026-03-30', 'break_time_hours', 3, 'attended', 'Art'], // before the quarter
			['A1', '2026-04-10', 'break_time_hours', 3, 'attended', 'Swimming'],
			['A1', '2026-04-17', 'break_time_hours', 3, 'attended', 'Swimming'],
			['A1', '2026-05-02', 'break_time_plus_hours', 5, 'attended', 'Climbing'],
			['A1', '2026-05-09', 'overnight_hours', 12, 'attended', null],
			['A1', '2026-06-01', 'break_time_hours', 3, 'cancelled_by_family', 'Swimming'],
			['B2', '2026-04-10', 'break_time_hours', 2.5, 'attended', 'Swimming'],
			['B2', '2026-04-24', 'personal_care_hours', 1.5, 'attended', null],
			['B2', '2026-05-15', 'short_break_daytime_hours', 6, 'attended', null],
			['B2', '2026-06-05', 'break_time_hours', 3, 'cancelled_by_provider', 'Swimming'],
			['C3', '2026-05-01', 'break_time_plus_hours', 4, 'attended', 'Cooking'],
			['D4', '2026-03-20', 'overnight_hours', 10, 'attended', null] // package ended before
		];
		for (const [ref, held_on, hour_type, hours, status, activity] of sessions)
			await db
				.insertInto('activity_session')
				.values({
					care_package_id: packages[ref]!,
					service_id: serviceId,
					held_on,
					hour_type: hour_type as 'break_time_hours',
					hours,
					status: status as 'attended',
					activity
				})
				.execute();

		const v = new Map<string, string>();
		for (let i = 0; i < 11; i++)
			await respond(db, v, serviceId, [
				{
					measure: 'safe.feel_safe',
					classification: i < 8 ? 'positive' : i < 10 ? 'negative' : 'not_counted'
				}
			]);
		for (let i = 0; i < 6; i++)
			await respond(db, v, serviceId, [{ measure: 'carer.satisfied', classification: 'positive' }]);
		for (let i = 0; i < 3; i++)
			await respond(db, v, serviceId, [{ measure: 'cyp.enjoy', classification: 'positive' }]);
		// C3's end of care package report: a staff review counted in package.outcomes.
		const review = await respond(
			db,
			v,
			serviceId,
			[{ measure: 'package.outcomes', classification: 'positive' }],
			{
				childId: kids.C3,
				source: 'end_of_care_package',
				extra: { evaluation: 'Made two friends and learnt to swim' }
			}
		);
		await db
			.insertInto('care_package_report')
			.values({ care_package_id: packages.C3!, response_id: review })
			.execute();
	});
	afterAll(async () => database?.drop());

	const entered = pickEntered('quarterly', {
		referrals_received: '7',
		referrals_accepted: '5',
		referral_explanation: 'Two families chose a service nearer home',
		incidents_count: '1',
		incidents_summary: 'A medication error, notified to Ofsted the same day',
		regulator: 'ofsted',
		annual_rating: 'good',
		annual_rating_on: '2025-11-03',
		interim_rating: '',
		interim_rating_on: '',
		comment: ''
	});

	async function quarterly(): Promise<Assembled> {
		const a = await assemble(db, {
			councilId,
			councilName: 'Test Council',
			providerId,
			providerName: 'Test Provider',
			kind: 'quarterly',
			period,
			entered,
			threshold: 5
		});
		return withChildren(a, await activityRepo.childrenByIds(db, providerId, childIds(a)));
	}

	it('carries every item of the seed’s section 2.2 table, with the figure worked out by hand', async () => {
		const a = await quarterly();
		const items = a.sections.flatMap((s) => s.items.map((i) => ({ ...i, sectionTitle: s.title })));
		const rows = (i: (typeof items)[number]) => i.rows.map((r) => [r.label, r.value]);
		const measure = (
			p: number | string,
			n: number | string,
			pc: number | null | string,
			nc: number | string
		) => [
			['Answered positively', p],
			['Out of (answers that took a position)', n],
			['Per cent', pc],
			['Not counted (don’t know, rather not say, unanswered)', nc]
		];
		const count = (
			p: number | string,
			n: number | string,
			pc: number | null | string,
			nc: number | string
		) => [['Number reporting this', p], ...measure(p, n, pc, nc).slice(1)];
		const none = measure(0, 0, null, 0);
		const hidden = (label: string) =>
			label === 'Number reporting this' ? count('c', 'c', 'c', 'c') : measure('c', 'c', 'c', 'c');
		const explanation = [
			['Referrals that did not lead to a service', 'Two families chose a service nearer home']
		];
		const annualOnly = ['Provider’s evidence', 'Given in the annual provider return'];

		const expected: Record<
			string,
			{ section: string; rows: unknown[]; table?: unknown[][]; noData: boolean }
		> = {
			'List of children and young people provided with care package including: name, date of birth, number of personal care/ short break daytime/ break time/break time plus, overnight short break hours provided':
				{
					section: 'How much did we do?',
					rows: [
						['Children and young people with a care package', 3],
						['Personal care hours provided', 1.5],
						['Short break daytime hours provided', 6],
						['Break Time hours provided', 8.5],
						['Break Time Plus hours provided', 9],
						['Overnight hours provided', 12]
					],
					table: [
						['A1', 'Child A1', '2015-06-01', 0, 0, 6, 5, 12],
						['B2', 'Child B2', '2015-06-01', 1.5, 6, 2.5, 0, 0],
						['C3', 'Child C3', '2015-06-01', 0, 0, 0, 4, 0]
					],
					noData: false
				},
			'Number of referrals received, and number accepted': {
				section: 'How much did we do?',
				rows: [
					['Referrals received', 7],
					['Referrals accepted', 5]
				],
				noData: false
			},
			'Number of Break Time and Break Time Plus sessions attended by children and young people': {
				section: 'How much did we do?',
				rows: [
					['Break Time sessions attended', 3],
					['Break Time Plus sessions attended', 2]
				],
				table: [
					['A1', 'Child A1', '2015-06-01', 2, 6, 1, 5],
					['B2', 'Child B2', '2015-06-01', 1, 2.5, 0, 0],
					['C3', 'Child C3', '2015-06-01', 0, 0, 1, 4]
				],
				noData: false
			},
			'Where a referral has not led to a service or where the placement breaks down, the Provider will provide an explanation':
				{
					section: 'How much did we do?|How well did we do it?',
					rows: explanation,
					table: [['C3', 'Club', '2026-05-20', 'Needs changed; now at a residential school']],
					noData: false
				},
			'Number and summary of notifiable incidents made to Ofsted/CQC': {
				section: 'How much did we do?',
				rows: [
					['Number of notifiable incidents', 1],
					['Summary', 'A medication error, notified to Ofsted the same day']
				],
				noData: false
			},
			'Type of Break Time activities organised': {
				section: 'How much did we do?',
				rows: [
					['Climbing', 1],
					['Cooking', 1],
					['Swimming', 3]
				],
				noData: false
			},
			'Number of cancellations a) by Provider; b) by family': {
				section: 'How much did we do?',
				rows: [
					['a) Cancelled by the provider', 1],
					['b) Cancelled by the family', 1]
				],
				noData: false
			},
			'Ofsted/CQC rating (annual and interim)': {
				section: 'How well did we do it?',
				rows: [
					['Regulator', 'Ofsted'],
					['Annual rating', 'Good'],
					['Annual inspection date', '2025-11-03'],
					['Interim rating', null],
					['Interim inspection date', null]
				],
				noData: false
			},
			// 6 of 6 is 100% of a group smaller than the attribute threshold (10): it would tell
			// each carer's answer, so it is hidden.
			'Number of parent/carers reporting service satisfaction': {
				section: 'How well did we do it?',
				rows: count('c', 'c', 'c', 'c'),
				noData: false
			},
			'Number of parents / carers who report improved ability to cope': {
				section: 'How well did we do it?',
				rows: count(0, 0, null, 0),
				noData: true
			},
			'Number of children and young people reporting that short breaks have had a positive impact on their life':
				{ section: 'How well did we do it?', rows: count(0, 0, null, 0), noData: true },
			'Number of children and young people who feel they have been supported to achieve their agreed goals':
				{ section: 'How well did we do it?', rows: count(0, 0, null, 0), noData: true },
			// Three answers: fewer than five, so hidden.
			'Number of children and young people who report enjoyment of the service': {
				section: 'Quality and outcomes',
				rows: hidden('Number reporting this'),
				noData: false
			},
			'Children and young people and their families are actively involved in and supported to make informed choices about the services they receive':
				{
					section: 'Quality and outcomes',
					rows: [...none, annualOnly],
					noData: true
				},
			'% of children and young people who feel safe during their short break': {
				section: 'Quality and outcomes',
				rows: measure(8, 10, 80, 1),
				noData: false
			},
			// One report: hidden.
			'Number and % of packages which achieve outcomes as per care plan': {
				section: 'What difference did we make?',
				rows: hidden('Number reporting this'),
				noData: false
			},
			'Evaluation of individual outcomes achieved through the short break(s)': {
				section: 'What difference did we make?',
				rows: [['End of care package reports completed', 1]],
				table: [['C3', 'Club', '2026-05-25', 'Achieved', 'Made two friends and learnt to swim']],
				noData: false
			},
			'Evidence children, young people and families are aware of and have access to advice, information and support for health, education and social care services':
				{
					section: 'What difference did we make?',
					rows: [...none, annualOnly],
					noData: true
				}
		};

		const seed = seedItems();
		expect(seed.length).toBe(29);
		const seen = new Map<string, number>();
		for (const s of seed) {
			const matches = items.filter((i) => norm(i.label) === norm(s.label));
			const nth = seen.get(s.label) ?? 0;
			seen.set(s.label, nth + 1);
			const item = matches[nth];
			expect(item, `"${s.label}" is in the return`).toBeDefined();
			if (s.statement) expect(norm(item!.statement ?? '')).toBe(norm(s.statement));
			const e = expected[s.label];
			if (e) {
				expect(e.section.split('|')).toContain(item!.sectionTitle);
				expect(rows(item!), s.label).toEqual(e.rows);
				expect(item!.noData, s.label).toBe(e.noData);
				if (e.table)
					expect(
						item!.table?.rows.map((r) => r.cells),
						s.label
					).toEqual(e.table);
			} else {
				// The % measures nobody answered this quarter: present, and marked "No data".
				expect(s.label.startsWith('%')).toBe(true);
				expect(item!.sectionTitle).toBe('Quality and outcomes');
				expect(rows(item!), s.label).toEqual(none);
				expect(item!.noData, s.label).toBe(true);
			}
		}
		// Nothing in the return that the seed does not ask for.
		expect(items).toHaveLength(seed.length);
		expect(a.problems).toEqual([]);
	});

	it('runs the workflow: draft, submit, returned with a comment, a new revision, accepted and locked', async () => {
		const params = {
			council: councilId,
			provider: providerId,
			kind: 'quarterly',
			period: period.key
		};
		const asProvider = await returns.open(db, provider, params);
		const posted = { ...entered } as Record<string, string>;

		// Checks: accepted above received, a negative number, a missing explanation.
		const bad = await returns.save(
			db,
			provider,
			asProvider,
			{ ...posted, referrals_accepted: '9', incidents_count: '-1' },
			5,
			true
		);
		expect(bad).toEqual({
			ok: false,
			errors: {
				referrals_accepted: 'Referrals accepted (9) cannot be more than referrals received (7)',
				incidents_count: 'The number of notifiable incidents cannot be negative'
			}
		});
		expect(await db.selectFrom('provider_return').selectAll().execute()).toHaveLength(0);

		expect(
			await returns.save(db, provider, asProvider, { ...posted, referrals_received: '' }, 5, false)
		).toEqual({ ok: true, message: 'Draft saved (revision 1)' });
		const sent = await returns.save(db, provider, asProvider, posted, 5, true);
		expect(sent).toEqual({
			ok: true,
			message: 'Revision 1 submitted to Test Council',
			// The council's commissioners are told (notifications/returns.ts).
			told: { returnId: expect.any(String), revision: 1, event: 'submitted' }
		});
		const again = await returns.open(db, provider, params);
		expect(await returns.save(db, provider, again, posted, 5, false)).toMatchObject({
			ok: false,
			errors: { form: 'This return has been submitted and is waiting for the council' }
		});

		const asCouncil = await returns.open(db, commissioner, params);
		expect(await returns.decide(db, commissioner, asCouncil, 'returned', '')).toMatchObject({
			ok: false,
			errors: { comment: 'Say what the provider needs to correct before returning it' }
		});
		expect(
			await returns.decide(db, commissioner, asCouncil, 'returned', 'Two referrals are missing')
		).toMatchObject({ ok: true });

		// A session recorded after submission does not change the submitted revision.
		const cp = await db
			.selectFrom('care_package')
			.select('id')
			.where('child_id', '=', kids.B2!)
			.executeTakeFirstOrThrow();
		await db
			.insertInto('activity_session')
			.values({
				care_package_id: cp.id,
				service_id: serviceId,
				held_on: '2026-06-20',
				hour_type: 'overnight_hours',
				hours: 10,
				status: 'attended'
			})
			.execute();

		const returned = await returns.open(db, provider, params);
		expect(returned.ret?.status).toBe('returned');
		expect(
			await returns.save(
				db,
				provider,
				returned,
				{ ...posted, referrals_received: '9', referrals_accepted: '7' },
				5,
				true
			)
		).toEqual({
			ok: true,
			message: 'Revision 2 submitted to Test Council',
			told: { returnId: expect.any(String), revision: 2, event: 'submitted' }
		});

		const submitted = await returns.open(db, commissioner, params);
		expect(await returns.decide(db, commissioner, submitted, 'accepted', '')).toMatchObject({
			ok: true
		});
		const locked = await returns.open(db, provider, params);
		expect(locked.ret?.status).toBe('accepted');
		expect(await returns.save(db, provider, locked, posted, 5, false)).toMatchObject({
			ok: false,
			errors: { form: 'This return has been accepted by the council and is locked' }
		});

		// Both revisions are kept, each as submitted.
		const first = await returns.view(db, commissioner, locked, 5, '1');
		const second = await returns.view(db, commissioner, locked, 5, null);
		const value = (v: typeof first, id: string, label: string) =>
			v.assembled.sections
				.flatMap((s) => s.items)
				.find((i) => i.id === id)!
				.rows.find((r) => r.label === label)!.value;
		expect(first.asSubmitted && second.asSubmitted).toBe(true);
		expect(value(first, 'referrals', 'Referrals received')).toBe(7);
		expect(value(second, 'referrals', 'Referrals received')).toBe(9);
		expect(value(first, 'children_hours', 'Overnight hours provided')).toBe(12);
		expect(value(second, 'children_hours', 'Overnight hours provided')).toBe(22);
		expect(second.revisions.map((r) => [r.revision, r.decision, r.comment])).toEqual([
			[2, 'accepted', null],
			[1, 'returned', 'Two referrals are missing']
		]);
		expect(second.canEdit || second.canDecide).toBe(false);
	});

	it('shows a return only to its provider and its council', async () => {
		const other = await providerRepo.insert(db, { name: 'Other', regulator_reference: null });
		await providerRepo.commission(db, councilId, other.id, '2026-04-01');
		const outsider: StaffUser = { ...provider, providerId: other.id };
		const params = {
			council: councilId,
			provider: providerId,
			kind: 'quarterly',
			period: period.key
		};
		await expect(returns.open(db, outsider, params)).rejects.toMatchObject({ status: 404 });
		const elsewhere: StaffUser = {
			...commissioner,
			councilId: '00000000-0000-4000-8000-000000000000'
		};
		await expect(returns.open(db, elsewhere, params)).rejects.toMatchObject({ status: 404 });
		await expect(
			returns.open(db, provider, { ...params, period: '2026-05' })
		).rejects.toMatchObject({ status: 404 });
	});

	it('lists overdue and returned returns for the commissioner, with due dates in working days', async () => {
		// Commissioned from 1 April 2026; on 24 November 2026 every month April–October, Q1 and Q2
		// are owed. Q1 2026-27 is accepted (above). Q2 ends 30 September; 15 working days later is
		// 21 October, so it is overdue; October's claim form is due 10 working days after
		// 31 October (a Saturday): 13 November.
		const list = await owedReturns(db, commissioner, '2026-11-24', DEFAULT_DUE_DAYS);
		const mine = list.filter((r) => r.providerId === providerId);
		const find = (kind: string, key: string) =>
			mine.find((r) => r.kind === kind && r.periodKey === key);
		expect(mine.filter((r) => r.kind === 'monthly').map((r) => r.periodKey)).toEqual([
			'2026-10',
			'2026-09',
			'2026-08',
			'2026-07',
			'2026-06',
			'2026-05',
			'2026-04'
		]);
		expect(find('quarterly', '2026-Q1')).toMatchObject({ status: 'accepted', overdue: false });
		expect(find('quarterly', '2026-Q2')).toMatchObject({
			status: 'not_started',
			overdue: true,
			dueOn: '2026-10-21'
		});
		expect(find('monthly', '2026-10')).toMatchObject({ dueOn: '2026-11-13', overdue: true });
		expect(mine.some((r) => r.kind === 'annual')).toBe(false);
		// The provider sees its own returns, not the other provider's.
		const own = await owedReturns(db, provider, '2026-11-24', DEFAULT_DUE_DAYS);
		expect(new Set(own.map((r) => r.providerId))).toEqual(new Set([providerId]));
	});

	it('submits once and decides once when each is sent many times at once', async () => {
		const params = {
			council: councilId,
			provider: providerId,
			kind: 'quarterly',
			period: quarter('2026-08-01').key
		};
		const posted = { ...entered } as Record<string, string>;
		const opened = await returns.open(db, provider, params);
		const saves = await Promise.all(
			Array.from({ length: 8 }, () => returns.save(db, provider, opened, posted, 5, true))
		);
		expect(saves.filter((r) => r.ok)).toHaveLength(1);
		for (const r of saves.filter((x) => !x.ok))
			expect(r).toMatchObject({
				errors: { form: 'This return has been submitted and is waiting for the council' }
			});
		const asCouncil = await returns.open(db, commissioner, params);
		const decisions = await Promise.all(
			Array.from({ length: 8 }, () => returns.decide(db, commissioner, asCouncil, 'accepted', ''))
		);
		expect(decisions.filter((r) => r.ok)).toHaveLength(1);
		for (const r of decisions.filter((x) => !x.ok))
			expect(r).toMatchObject({
				errors: { form: 'Only a submitted return can be accepted or returned' }
			});
		const audited = await db
			.selectFrom('audit_event')
			.select(['action', (eb) => eb.fn.countAll().as('n')])
			.where('subject_id', '=', asCouncil.ret!.id)
			.groupBy('action')
			.orderBy('action')
			.execute();
		expect(audited.map((a) => [a.action, Number(a.n)])).toEqual([
			['provider_return.accepted', 1],
			['provider_return.submitted', 1]
		]);
		expect((await returns.view(db, commissioner, asCouncil, 5, null)).revisions).toHaveLength(1);
	});
});
