import { randomUUID } from 'node:crypto';
import { TALLIED_MODES } from '../../src/lib/domain/completion-modes';
import { SOURCE_VALUES } from '../../src/lib/domain/sources';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import type { DB } from '../../src/lib/server/db/connect';
import * as responseRepo from '../../src/lib/server/db/response';
import * as serviceRepo from '../../src/lib/server/db/service';
import * as surveyRepo from '../../src/lib/server/db/survey';
import * as tally from '../../src/lib/server/db/tally';
import * as userRepo from '../../src/lib/server/db/user';
import * as invitations from '../../src/lib/server/invitations/links';
import { councilFigures } from '../../src/lib/server/statistics/figures';
import { quarter } from '../../src/lib/calendar/periods';
import { eraseChild } from '../../src/lib/server/privacy/retention';
import type { Assembled } from '../../src/lib/server/returns/assemble';
import * as returns from '../../src/lib/server/returns/service';
import * as children from '../../src/lib/server/children/service';
import * as packageReport from '../../src/lib/server/care-packages/report';
import * as sessions from '../../src/lib/server/attendance/service';
import { loadSymbolSet } from '../../src/lib/server/symbols';
import { loadSurveyFile } from '../../src/lib/server/surveys/load';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { minimalSurvey, seedOrganisation } from '../helpers/organisation';

// Erasure must leave nothing that identifies the child anywhere in the database. A child gets a
// record of every kind the staff pages and the survey make (care packages, one broken down with
// an explanation, registers, invitations, answers, safeguarding alerts, an end of care package
// report, a submitted and returned provider return), each text naming them; after erasure a dump
// of every row of every table is searched for their name, reference and date of birth, and the
// anonymous statistics (answers to measures, tallies, dashboard and return figures) must be as
// they were.

const review = loadSurveyFile('surveys/end-of-care-package-review.json', loadSymbolSet()).survey!;

const NAME = 'Zephyrine';
const REFERENCE = 'ZQ-4417';
const BORN = '2013-07-19';
const IDENTIFIERS = [/zephyrine/i, /zq-4417/i, /2013-07-19/, /19\/07\/2013/];

const HOURS = {
	personal_care_hours: '0',
	short_break_daytime_hours: '0',
	break_time_hours: '3',
	break_time_plus_hours: '5',
	overnight_hours: '0'
};

/** Today in UK time, and the day `n` days after `from`. */
const ukToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const plus = (from: string, n: number) =>
	new Date(Date.parse(from) + n * 86_400_000).toISOString().slice(0, 10);

/** Every row of every table of the current schema, as text, prefixed by its table's name. */
async function dump(db: DB): Promise<string[]> {
	const tables = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = current_schema() and table_type = 'BASE TABLE'
		order by table_name`.execute(db);
	const lines: string[] = [];
	for (const { table_name } of tables.rows) {
		const rows = await sql<{ row: string }>`
			select t::text as row from ${sql.table(table_name)} t`.execute(db);
		lines.push(...rows.rows.map((r) => `${table_name}: ${r.row}`));
	}
	return lines;
}

/** The tables whose rows mention any of the child's identifiers. */
const tablesNaming = (lines: string[]) =>
	[
		...new Set(lines.filter((l) => IDENTIFIERS.some((p) => p.test(l))).map((l) => l.split(':')[0]))
	].sort();

describe.each(databaseKinds)('erasing a child with every kind of record on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let staff: StaffUser;
	let commissioner: StaffUser;
	let councilId: string;
	let providerId: string;
	let serviceId: string;
	let versionId: string;
	let childId: string;
	let otherId: string;
	let endedPackageId: string;
	let childInvitationId: string;
	let unusedInvitationId: string;
	const period = quarter(ukToday());
	const day = (n: number) => plus(period.start, n);

	const staffUser = async (role: StaffUser['role'], email: string): Promise<StaffUser> => {
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

	const addChild = async (reference: string, name: string, born: string) => {
		const created = await children.create(db, staff, {
			reference,
			display_name: name,
			date_of_birth: born,
			send_needs: ['autism'],
			communication_needs: `${name} uses Makaton`,
			preferred_variant: 'symbols',
			preferred_language: 'en'
		});
		if (!created.ok) throw new Error(created.message);
		return created.id;
	};

	const packagesOf = (id: string) =>
		db
			.selectFrom('care_package')
			.select('id')
			.where('child_id', '=', id)
			.orderBy('created_at')
			.execute()
			.then((rows) => rows.map((r) => r.id));

	const register = (
		heldOn: string,
		hourType: 'break_time_hours' | 'break_time_plus_hours',
		activity: string,
		marks: { packageId: string; status: 'attended' | 'cancelled_by_family' }[]
	) =>
		sessions.saveRegister(db, staff, {
			serviceId,
			heldOn,
			hourType,
			hours: hourType === 'break_time_hours' ? '3' : '5',
			activity,
			marks
		});

	/** A completed child's survey: feel_safe (a measure) and a typed comment, with an alert. */
	const answered = async (
		child: string,
		invitationId: string | null,
		feelSafe: 'yes' | 'no',
		comment: string,
		note: string
	) => {
		const r = await responseRepo.start(db, {
			survey_version_id: versionId,
			invitation_id: invitationId,
			service_id: serviceId,
			child_id: child,
			source: 'annual_review',
			language: 'en',
			variant: 'symbols',
			completion_mode: 'alone',
			age_band: '11-15',
			send_need: 'autism',
			client_submission_id: randomUUID()
		});
		await db
			.insertInto('answer')
			.values([
				{
					response_id: r.id,
					question_name: 'feel_safe',
					value: JSON.stringify(feelSafe),
					measure_id: 'safe.feel_safe',
					classification: feelSafe === 'yes' ? 'positive' : 'negative'
				},
				{ response_id: r.id, question_name: 'anything_else', value: JSON.stringify(comment) }
			])
			.execute();
		await db.transaction().execute(async (trx) => {
			await responseRepo.complete(trx, r.id, new Date(`${day(10)}T12:00:00Z`));
			await tally.addResponse(trx, r.id);
		});
		await db
			.insertInto('safeguarding_alert')
			.values({
				response_id: r.id,
				question_name: 'feel_safe',
				service_id: serviceId,
				due_at: new Date(Date.now() + 86_400_000),
				note
			})
			.execute();
		return r.id;
	};

	const opened = (user: StaffUser) =>
		returns.open(db, user, {
			council: councilId,
			provider: providerId,
			kind: 'quarterly',
			period: period.key
		});

	/** The return as assembled from today's records (a draft) and as submitted (revision 1). */
	const draft = async () =>
		(await returns.view(db, staff, { ...(await opened(staff)), ret: undefined }, 5, null))
			.assembled;
	const submitted = async () =>
		(await returns.view(db, staff, await opened(staff), 5, '1')).assembled;

	const figures = async () =>
		(
			await councilFigures(db, {
				councilId,
				period,
				modes: TALLIED_MODES,
				sources: SOURCE_VALUES,
				breakdown: 'provider',
				threshold: 1
			})
		)
			.all()
			.map((f) => JSON.stringify(f))
			.sort();

	const tallies = async () => {
		const out: string[] = [];
		for (const table of [
			'measure_tally',
			'measure_tally_all',
			'measure_tally_by',
			'measure_tally_by_all'
		] as const) {
			const rows = await sql<{ row: string }>`
				select t::text as row from ${sql.table(table)} t order by 1`.execute(db);
			out.push(...rows.rows.map((r) => `${table}: ${r.row}`));
		}
		return out;
	};

	const measureAnswers = () =>
		db
			.selectFrom('answer')
			.select(['response_id', 'question_name', 'value', 'measure_id', 'classification'])
			.where('measure_id', 'is not', null)
			.orderBy('response_id')
			.orderBy('question_name')
			.execute();

	/** The figures of a return, without the children's identities and typed texts. */
	const returnFigures = (a: Assembled) => {
		const items = a.sections.flatMap((s) => s.items);
		const item = (id: string) => items.find((i) => i.id === id)!;
		const numbers = (id: string) => item(id).rows.map((r) => r.value);
		const tableNumbers = (id: string) =>
			item(id).table!.rows.map((r) => r.cells.filter((c) => typeof c === 'number'));
		return {
			children_hours: numbers('children_hours'),
			children_hours_table: tableNumbers('children_hours'),
			sessions_attended: numbers('sessions_attended'),
			sessions_attended_table: tableNumbers('sessions_attended'),
			cancellations: numbers('cancellations'),
			activity_sessions: item('activity_types').rows.reduce((s, r) => s + Number(r.value), 0),
			broken_down: item('explanations').table!.rows.length,
			evaluations: numbers('evaluations'),
			measures: items.filter((i) => i.section === 'quality').map((i) => i.rows)
		};
	};

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		({ serviceId, versionId } = await seedOrganisation(db));
		const service = (await serviceRepo.find(db, serviceId))!;
		councilId = service.council_id;
		providerId = service.provider_id;
		staff = await staffUser('provider_manager', 'manager@example.org');
		commissioner = await staffUser('commissioner', 'commissioner@example.org');
		const app = {
			connection: database,
			versionIds: new Map([[review.id, await surveyRepo.registerVersion(db, review)]])
		};

		childId = await addChild(REFERENCE, NAME, BORN);
		otherId = await addChild('OC-1', 'Olu', '2014-02-02');
		const start = { service_id: serviceId, starts_on: period.start, hours: HOURS };
		await children.addCarePackage(db, staff, childId, { ...start, ends_on: null });
		await children.addCarePackage(db, staff, childId, { ...start, ends_on: null });
		await children.addCarePackage(db, staff, otherId, { ...start, ends_on: null });
		const [ended, open] = await packagesOf(childId);
		const [other] = await packagesOf(otherId);
		endedPackageId = ended!;

		// A register both children attended with a plain activity, one whose activity names the
		// child, one only the child attended with their reference, and one they missed.
		const both = (status: 'attended' = 'attended') => [
			{ packageId: ended!, status },
			{ packageId: other!, status }
		];
		await register(day(2), 'break_time_hours', 'Swimming', both());
		await register(day(9), 'break_time_hours', `${NAME}'s birthday bowling`, both());
		await register(day(16), 'break_time_plus_hours', `Climbing with ${REFERENCE} one to one`, [
			{ packageId: ended!, status: 'attended' }
		]);
		await register(day(23), 'break_time_hours', `${NAME} away with her grandmother`, [
			{ packageId: open!, status: 'cancelled_by_family' }
		]);
		const errors = await children.endCarePackage(db, staff, childId, ended!, {
			end_on: day(40),
			end_reason: 'broke_down',
			end_explanation: `${NAME} hit a peer twice in one week`
		});
		expect(errors).toEqual({});

		const invite = (respondent: 'child' | 'carer') =>
			invitations.issue(db, {
				surveyId: minimalSurvey.id,
				serviceId,
				respondent,
				source: 'annual_review',
				expiresAt: new Date(Date.now() + 30 * 86_400_000),
				childId,
				createdBy: staff.id
			});
		childInvitationId = (await invite('child')).invitation.id;
		unusedInvitationId = (await invite('carer')).invitation.id;
		await answered(
			childId,
			childInvitationId,
			'no',
			`I am ${NAME}, ${REFERENCE}, born 19/07/2013, and I am scared`,
			`Rang ${NAME}'s foster carer about it`
		);
		await answered(otherId, null, 'yes', 'I like swimming', 'Checked in with Olu');

		const saved = await packageReport.save(app, staff, childId, ended!, {
			outcomes: [{ text: `${NAME} to make a friend outside school`, result: 'partly' }],
			overall: 'partly',
			evaluation: `${NAME} made one friend, then the placement broke down`
		});
		expect(saved.ok).toBe(true);

		const submit = await returns.save(
			db,
			staff,
			await opened(staff),
			{
				referrals_received: '3',
				referrals_accepted: '2',
				referral_explanation: 'One family chose a service nearer home',
				incidents_count: '1',
				incidents_summary: `${NAME} hit a peer; notified to Ofsted the same day`,
				regulator: 'ofsted',
				annual_rating: 'good',
				annual_rating_on: '2025-11-03',
				interim_rating: '',
				interim_rating_on: '',
				comment: ''
			},
			5,
			true
		);
		expect(submit).toMatchObject({ ok: true });
		const decided = await returns.decide(
			db,
			commissioner,
			await opened(commissioner),
			'returned',
			`Please check ${NAME}'s hours`
		);
		expect(decided).toMatchObject({ ok: true });
	});
	afterAll(async () => database?.drop());

	it('leaves no trace of the child’s name, reference or date of birth in any table', async () => {
		const before = await dump(db);
		// Every kind of record names the child before, except the audit log (ids only, always).
		expect(tablesNaming(before)).toEqual([
			'activity_session',
			'answer',
			'care_package',
			'child',
			'provider_return_revision',
			'safeguarding_alert'
		]);
		const tables = new Set(before.map((l) => l.split(':')[0]));
		for (const t of ['audit_event', 'invitation', 'care_package_report', 'response'])
			expect(tables).toContain(t);
		const answersBefore = await measureAnswers();
		const talliesBefore = await tallies();
		const figuresBefore = await figures();
		const draftBefore = returnFigures(await draft());
		const submittedBefore = returnFigures(await submitted());

		const counts = await eraseChild(db, childId, staff.id);
		expect(counts).toEqual({
			// The child's comment, and the report's outcome and evaluation.
			freeTextAnswersRemoved: 3,
			// The child's survey and the end of care package report.
			responsesUnlinked: 2,
			alertNotesRemoved: 1,
			invitationsUnlinked: 2,
			packageTextsRemoved: 1,
			// Both lines of the birthday register, the one to one, the family's cancellation.
			activityTextsRemoved: 4,
			returnRevisionsScrubbed: 1
		});

		const after = await dump(db);
		expect(after.filter((l) => IDENTIFIERS.some((p) => p.test(l)))).toEqual([]);

		// The anonymous statistics are as they were, as stored and when counted again.
		expect(await measureAnswers()).toEqual(answersBefore);
		expect(await tallies()).toEqual(talliesBefore);
		expect(await figures()).toEqual(figuresBefore);
		await tally.rebuild(db);
		expect(await tallies()).toEqual(talliesBefore);
		expect(await figures()).toEqual(figuresBefore);
		expect(returnFigures(await draft())).toEqual(draftBefore);
		expect(returnFigures(await submitted())).toEqual(submittedBefore);
	});

	it('unlinks the child’s answers and invitations, and revokes what was not used', async () => {
		const linked = await db
			.selectFrom('response')
			.leftJoin('invitation', 'invitation.id', 'response.invitation_id')
			.select('response.id')
			.where((eb) =>
				eb.or([eb('response.child_id', '=', childId), eb('invitation.child_id', '=', childId)])
			)
			.execute();
		expect(linked).toEqual([]);
		const invited = await db
			.selectFrom('invitation')
			.select(['id', 'child_id', 'revoked_at'])
			.where('id', 'in', [childInvitationId, unusedInvitationId])
			.execute();
		expect(invited).toHaveLength(2);
		for (const i of invited) {
			expect(i.child_id).toBeNull();
			expect(i.revoked_at).toBeInstanceOf(Date);
		}
		const fromInvitation = await db
			.selectFrom('response')
			.select('id')
			.where('invitation_id', '=', childInvitationId)
			.execute();
		expect(fromInvitation).toEqual([]);
	});

	it('keeps the other child’s records and the texts that do not name the child', async () => {
		const other = await db
			.selectFrom('child')
			.select(['reference', 'display_name'])
			.where('id', '=', otherId)
			.executeTakeFirstOrThrow();
		expect(other).toEqual({ reference: 'OC-1', display_name: 'Olu' });
		const texts = (await dump(db)).join('\n');
		for (const kept of [
			'I like swimming',
			'Checked in with Olu',
			'Swimming',
			'One family chose a service nearer home'
		])
			expect(texts).toContain(kept);
		// The plain activity stays on the erased child's session too: it names the session only.
		const swimming = await db
			.selectFrom('activity_session')
			.select('care_package_id')
			.where('activity', '=', 'Swimming')
			.execute();
		expect(swimming).toHaveLength(2);
		const ended = await db
			.selectFrom('care_package')
			.select(['end_reason', 'end_explanation', 'ends_on'])
			.where('id', '=', endedPackageId)
			.executeTakeFirstOrThrow();
		expect(ended).toEqual({
			end_reason: 'broke_down',
			end_explanation: '[removed at erasure]',
			ends_on: day(40)
		});
	});

	it('shows the submitted return with the child erased and their texts removed', async () => {
		const a = await submitted();
		const items = a.sections.flatMap((s) => s.items);
		const explanations = items.find((i) => i.id === 'explanations')!.table!;
		expect(explanations.rows).toEqual([
			{
				childId,
				cells: ['Erased', 'Club', day(40), '[removed at erasure]']
			}
		]);
		const evaluations = items.find((i) => i.id === 'evaluations')!.table!;
		expect(evaluations.rows[0]!.cells).toEqual([
			'Erased',
			'Club',
			expect.any(String),
			'Partly achieved',
			'[removed at erasure]'
		]);
		const incidents = items.find((i) => i.id === 'incidents')!;
		expect(incidents.rows).toEqual([
			{ label: 'Number of notifiable incidents', value: 1 },
			{ label: 'Summary', value: '[removed at erasure]' }
		]);
		const view = await returns.view(db, staff, await opened(staff), 5, '1');
		expect(view.entered.incidents_summary).toBe('[removed at erasure]');
		expect(view.entered.referral_explanation).toBe('One family chose a service nearer home');
		expect(view.revisions[0]!.comment).toBe('[removed at erasure]');
	});

	it('finds nothing more to do when the child is erased again', async () => {
		const before = await dump(db);
		await eraseChild(db, childId, null);
		const rows = (lines: string[]) => lines.filter((l) => !l.startsWith('audit_event:')).sort();
		expect(rows(await dump(db))).toEqual(rows(before));
	});
});
