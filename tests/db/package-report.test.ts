import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/lib/server/auth/sessions';
import * as carePackageRepo from '../../src/lib/server/db/care-package';
import * as childRepo from '../../src/lib/server/db/child';
import type { DB } from '../../src/lib/server/db/connect';
import * as reportRepo from '../../src/lib/server/db/package-report';
import * as providerRepo from '../../src/lib/server/db/provider';
import * as responseRepo from '../../src/lib/server/db/response';
import type { Source } from '../../src/lib/domain/sources';
import * as serviceRepo from '../../src/lib/server/db/service';
import * as surveyRepo from '../../src/lib/server/db/survey';
import * as userRepo from '../../src/lib/server/db/user';
import * as packageReport from '../../src/lib/server/care-packages/report';
import type { PackageReportInput } from '../../src/lib/server/care-packages/report-validate';
import { loadSymbolSet } from '../../src/lib/server/symbols';
import { loadSurveyFile } from '../../src/lib/server/surveys/load';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

const review = loadSurveyFile('surveys/end-of-care-package-review.json', loadSymbolSet()).survey!;

const HOURS = {
	personal_care_hours: 0,
	short_break_daytime_hours: 6,
	break_time_hours: 0,
	break_time_plus_hours: 0,
	overnight_hours: 0
};

const report = (overall: PackageReportInput['overall']): PackageReportInput => ({
	outcomes: [{ text: 'Makes a friend outside school', result: 'achieved' }],
	overall,
	evaluation: 'Goes to the Saturday club on her own now.'
});

/** This month in UK time, as measure_tally stores it. */
function thisMonth(): string {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: '2-digit'
	}).formatToParts(new Date());
	const part = (t: string) => parts.find((p) => p.type === t)!.value;
	return `${part('year')}-${part('month')}-01`;
}

describe.each(databaseKinds)('end of care package reports on %s', (kind) => {
	let database: TestDatabase;
	let db: DB;
	let app: Parameters<typeof packageReport.save>[0];
	let serviceId: string;
	let otherServiceId: string;
	let childVersionId: string;
	let staff: StaffUser;
	let outsider: StaffUser;
	let childId: string;
	let otherChildId: string;

	const user = (id: string, providerId: string, email: string): StaffUser => ({
		id,
		email,
		displayName: email,
		role: 'provider_staff',
		councilId: null,
		providerId,
		hasTotp: false
	});

	const ended = async (child: string, service = serviceId, ends: string | null = '2026-03-31') =>
		(
			await carePackageRepo.insert(db, {
				child_id: child,
				service_id: service,
				starts_on: '2025-09-01',
				ends_on: ends,
				...HOURS
			})
		).id;

	const outcomesTally = async () => {
		const rows = await db
			.selectFrom('measure_tally')
			.select(['positive', 'negative', 'not_counted'])
			.where('service_id', '=', serviceId)
			.where('month', '=', thisMonth())
			.where('measure_id', '=', 'package.outcomes')
			.execute();
		return rows.reduce(
			(t, r) => ({
				positive: t.positive + r.positive,
				negative: t.negative + r.negative,
				not_counted: t.not_counted + r.not_counted
			}),
			{ positive: 0, negative: 0, not_counted: 0 }
		);
	};

	let submission = 0;
	/** A completed child's survey answer (feel_safe) for `child` at `service`. */
	const childAnswered = async (
		child: string,
		service: string,
		value: string,
		o: { at?: string; source?: Source } = {}
	) => {
		const r = await responseRepo.start(db, {
			survey_version_id: childVersionId,
			service_id: service,
			child_id: child,
			source: o.source ?? 'end_of_care_package',
			language: 'en',
			variant: 'symbols',
			completion_mode: 'helped',
			client_submission_id: `00000000-0000-4000-9000-${String(++submission).padStart(12, '0')}`
		});
		await db
			.insertInto('answer')
			.values({
				response_id: r.id,
				question_name: 'feel_safe',
				value: JSON.stringify(value),
				measure_id: 'safe.feel_safe',
				classification: value === 'yes' ? 'positive' : 'negative'
			})
			.execute();
		await responseRepo.complete(db, r.id, new Date(o.at ?? '2026-03-20T12:00:00Z'));
		return r.id;
	};

	beforeAll(async () => {
		database = await freshDatabase(kind);
		db = database.db;
		const seeded = await seedOrganisation(db);
		serviceId = seeded.serviceId;
		childVersionId = seeded.versionId;
		app = {
			connection: database,
			versionIds: new Map([[review.id, await surveyRepo.registerVersion(db, review)]])
		};
		const service = (await serviceRepo.find(db, serviceId))!;
		otherServiceId = (
			await serviceRepo.insert(db, {
				provider_id: service.provider_id,
				council_id: service.council_id,
				name: 'Holiday club',
				kind: 'short_break'
			})
		).id;
		const other = await providerRepo.insert(db, { name: 'Other', regulator_reference: null });
		const account = async (email: string, providerId: string) =>
			user(
				(
					await userRepo.insert(db, {
						email,
						display_name: email,
						role: 'provider_staff',
						council_id: null,
						provider_id: providerId,
						password_hash: 'x'
					})
				).id,
				providerId,
				email
			);
		staff = await account('staff@test.example', service.provider_id);
		outsider = await account('outsider@test.example', other.id);
		const child = (reference: string, needs: string[]) =>
			childRepo.insert(db, {
				provider_id: service.provider_id,
				reference,
				display_name: reference,
				date_of_birth: '2016-05-01',
				send_needs: JSON.stringify(needs)
			});
		childId = (await child('A-1', ['autism', 'sensory'])).id;
		otherChildId = (await child('A-2', [])).id;
	});
	afterAll(async () => database?.drop());

	it('counts an "achieved" report as one positive package.outcomes, as a completed staff review', async () => {
		const packageId = await ended(childId);
		const before = await outcomesTally();
		const saved = await packageReport.save(app, staff, childId, packageId, report('achieved'));
		expect(saved.ok).toBe(true);
		expect(await outcomesTally()).toEqual({ ...before, positive: before.positive + 1 });
		const responseId = saved.ok ? saved.responseId : '';
		const response = (await responseRepo.find(db, responseId))!;
		expect(response).toMatchObject({
			survey_version_id: app.versionIds.get(review.id),
			service_id: serviceId,
			child_id: childId,
			source: 'end_of_care_package',
			language: 'en',
			variant: 'staff-review',
			completion_mode: null,
			assisted_by: staff.id,
			age_band: '8-11',
			send_need: 'autism',
			invitation_id: null
		});
		expect(response.completed_at).not.toBeNull();
		expect(await reportRepo.findByPackage(db, packageId)).toMatchObject({
			response_id: responseId,
			created_by: staff.id
		});
		const answers = await db
			.selectFrom('answer')
			.select(['question_name', 'measure_id', 'classification'])
			.where('response_id', '=', responseId)
			.orderBy('question_name')
			.execute();
		expect(answers).toEqual([
			{ question_name: 'evaluation', measure_id: null, classification: null },
			{ question_name: 'outcome_1', measure_id: null, classification: null },
			{ question_name: 'outcome_1_text', measure_id: null, classification: null },
			{
				question_name: 'package_outcomes',
				measure_id: 'package.outcomes',
				classification: 'positive'
			}
		]);
		const audited = await db
			.selectFrom('audit_event')
			.select('action')
			.where('subject_id', '=', packageId)
			.execute();
		expect(audited.map((a) => a.action)).toContain('care_package_report.created');

		const opened = await packageReport.open(db, staff, childId, packageId);
		expect(opened.report).toMatchObject({
			outcomes: [{ text: 'Makes a friend outside school', result: 'achieved' }],
			overall: 'achieved',
			evaluation: 'Goes to the Saturday club on her own now.'
		});
		expect(opened.report!.recordedAt).toBeInstanceOf(Date);
	});

	it('counts a "partly" report as one negative', async () => {
		const packageId = await ended(childId);
		const before = await outcomesTally();
		expect((await packageReport.save(app, staff, childId, packageId, report('partly'))).ok).toBe(
			true
		);
		expect(await outcomesTally()).toEqual({ ...before, negative: before.negative + 1 });
	});

	it('refuses a second report for the same package and changes nothing', async () => {
		const packageId = await ended(otherChildId);
		await packageReport.save(app, staff, otherChildId, packageId, report('achieved'));
		const before = await outcomesTally();
		const responses = await db.selectFrom('response').select('id').execute();
		const again = await packageReport.save(app, staff, otherChildId, packageId, report('partly'));
		expect(again).toEqual({
			ok: false,
			message: 'An end of care package report has already been recorded for this package'
		});
		expect(await outcomesTally()).toEqual(before);
		expect(await db.selectFrom('response').select('id').execute()).toHaveLength(responses.length);
		const opened = await packageReport.open(db, staff, otherChildId, packageId);
		expect(opened.report?.overall).toBe('achieved');
	});

	it('records one report when the same report is sent many times at once', async () => {
		const packageId = await ended(otherChildId);
		const before = await outcomesTally();
		const results = await Promise.all(
			Array.from({ length: 8 }, () =>
				packageReport.save(app, staff, otherChildId, packageId, report('achieved'))
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		for (const r of results.filter((x) => !x.ok))
			expect(r).toEqual({
				ok: false,
				message: 'An end of care package report has already been recorded for this package'
			});
		expect(await outcomesTally()).toEqual({ ...before, positive: before.positive + 1 });
		const audited = await db
			.selectFrom('audit_event')
			.select('id')
			.where('action', '=', 'care_package_report.created')
			.where('subject_id', '=', packageId)
			.execute();
		expect(audited).toHaveLength(1);
	});

	it('refuses a report until the package has an end date', async () => {
		const packageId = await ended(childId, serviceId, null);
		const before = await outcomesTally();
		expect(await packageReport.save(app, staff, childId, packageId, report('achieved'))).toEqual({
			ok: false,
			message: 'Record when the care package ends before writing its report'
		});
		expect(await outcomesTally()).toEqual(before);
		expect((await packageReport.open(db, staff, childId, packageId)).report).toBeNull();
	});

	it('reports another provider’s package, or a package under the wrong child, as not found', async () => {
		const packageId = await ended(childId);
		await expect(
			packageReport.save(app, outsider, childId, packageId, report('achieved'))
		).rejects.toMatchObject({ status: 404 });
		await expect(packageReport.open(db, outsider, childId, packageId)).rejects.toMatchObject({
			status: 404
		});
		await expect(packageReport.open(db, staff, otherChildId, packageId)).rejects.toMatchObject({
			status: 404
		});
		await expect(packageReport.open(db, staff, childId, 'not-an-id')).rejects.toMatchObject({
			status: 404
		});
		expect(await reportRepo.findByPackage(db, packageId)).toBeUndefined();
	});

	it('finds the child’s end of package answers at the package’s service, and no one else’s', async () => {
		const packageId = await ended(childId, otherServiceId);
		const mine = await childAnswered(childId, otherServiceId, 'yes');
		const late = await childAnswered(childId, otherServiceId, 'no', { at: '2026-05-02T09:00:00Z' });
		await childAnswered(otherChildId, otherServiceId, 'yes');
		await childAnswered(childId, serviceId, 'yes');
		await childAnswered(childId, otherServiceId, 'yes', { source: 'annual_review' });
		await childAnswered(childId, otherServiceId, 'yes', { at: '2025-08-31T22:30:00Z' });
		// The staff review itself is not one of the child's or family's results.
		await packageReport.save(app, staff, childId, packageId, report('achieved'));

		const rows = await reportRepo.resultsForPackage(db, childId, otherServiceId, '2025-09-01');
		expect(rows.map((r) => r.response_id)).toEqual([mine, late]);
		expect(rows[0]).toMatchObject({
			survey_title: 'My short break',
			respondent: 'child',
			completion_mode: 'helped',
			question_name: 'feel_safe',
			measure_id: 'safe.feel_safe',
			classification: 'positive',
			value: 'yes'
		});
		expect(rows[0]!.measure_label).toEqual(expect.any(String));
		expect(rows[0]!.completed_at).toBeInstanceOf(Date);

		const opened = await packageReport.open(db, staff, childId, packageId);
		expect(opened.results.map((s) => s.answers.map((a) => a.classification))).toEqual([
			['positive'],
			['negative']
		]);
		expect(opened.results[0]!.answers[0]!.answer).not.toBe('yes');
	});
});
