import { randomUUID } from 'node:crypto';
import { ageBand } from '../../domain/age-bands';
import { ownValue } from '../../own';
import type { App } from '../app';
import { loadVersion } from '../answering/service';
import { optionsOf } from '../answering/view';
import { packageOfChild } from '../access/records';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as metrics from '../metrics';
import * as answerRepo from '../db/answer';
import type { DB } from '../db/connect';
import { isUuid } from '../db/ids';
import * as reportRepo from '../db/package-report';
import * as responseRepo from '../db/response';
import type { Classification } from '../../domain/classifications';
import * as tally from '../db/tally';
import { classify } from '../surveys/rules';
import { englishText } from '../surveys/translations';
import { questionsOf } from '../surveys/walk';
import * as children from '../children/service';
import {
	OUTCOME_COUNT,
	reportAnswers,
	type OutcomeResult,
	type PackageReportInput
} from './report-validate';

/** The staff survey an end of care package report is stored as a response to. */
export const REVIEW_SURVEY = 'end-of-care-package-review';

export const ALREADY_RECORDED =
	'An end of care package report has already been recorded for this package';
export const NOT_ENDED = 'Record when the care package ends before writing its report';

export interface RecordedReport {
	outcomes: { text: string; result: OutcomeResult }[];
	overall: OutcomeResult;
	evaluation: string;
	recordedAt: Date;
	recordedBy: string | null;
}

export interface ResultAnswer {
	measureId: string;
	label: string;
	answer: string;
	classification: Classification;
	/** Where the question comes in its survey. */
	position: number;
}

/** One completed survey of the child or their family, with its answers to measures. */
export interface SurveyResult {
	responseId: string;
	title: string;
	respondent: string;
	completedAt: Date;
	completionMode: string | null;
	answers: ResultAnswer[];
}

/** The child (of the caller's provider) and one of their care packages; anything else is 404. */
async function visible(db: DB, user: StaffUser, childId: string, packageId: string, why: string) {
	const child = await children.get(db, user, childId, why);
	const carePackage = packageOfChild(
		isUuid(packageId) ? await reportRepo.findPackage(db, packageId) : undefined,
		child.id
	);
	return { child, carePackage };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const result = (v: unknown) => text(v) as OutcomeResult;

function recorded(
	answers: Record<string, unknown>,
	recordedAt: Date,
	recordedBy: string | null
): RecordedReport {
	const outcomes: RecordedReport['outcomes'] = [];
	for (let n = 1; n <= OUTCOME_COUNT; n++) {
		if (answers[`outcome_${n}`] === undefined && answers[`outcome_${n}_text`] === undefined)
			continue;
		outcomes.push({
			text: text(answers[`outcome_${n}_text`]),
			result: result(answers[`outcome_${n}`])
		});
	}
	return {
		outcomes,
		overall: result(answers.package_outcomes),
		evaluation: text(answers.evaluation),
		recordedAt,
		recordedBy
	};
}

/** The answers grouped by response, in each survey's question order, with choices in English. */
async function describe(db: DB, rows: reportRepo.PackageResult[]): Promise<SurveyResult[]> {
	const out: SurveyResult[] = [];
	for (const row of rows) {
		let survey = out.at(-1);
		if (survey?.responseId !== row.response_id) {
			survey = {
				responseId: row.response_id,
				title: row.survey_title,
				respondent: row.respondent,
				completedAt: new Date(row.completed_at),
				completionMode: row.completion_mode,
				answers: []
			};
			out.push(survey);
		}
		const { definition } = await loadVersion(db, row.survey_version_id);
		const questions = questionsOf(definition);
		const position = questions.findIndex((x) => x.name === row.question_name);
		const q = questions[position];
		const option = q ? optionsOf(q).find((o) => o.value === row.value) : undefined;
		survey.answers.push({
			measureId: row.measure_id,
			label: row.measure_label,
			answer: (option && englishText(option.text)) || String(row.value),
			classification: row.classification ?? 'not_counted',
			position
		});
	}
	for (const survey of out) survey.answers.sort((a, b) => a.position - b.position);
	return out;
}

/** The package, its report if one is recorded, and the child's and family's survey results. */
export async function open(db: DB, user: StaffUser, childId: string, packageId: string) {
	const { child, carePackage } = await visible(
		db,
		user,
		childId,
		packageId,
		'child.viewed_for_care_package_report'
	);
	const link = await reportRepo.findByPackage(db, carePackage.id);
	const report = link
		? recorded(
				await reportRepo.answersOf(db, link.response_id),
				new Date(link.created_at),
				link.created_by_name
			)
		: null;
	const rows = await reportRepo.resultsForPackage(
		db,
		child.id,
		carePackage.service_id,
		carePackage.starts_on
	);
	await audit.record(db, user.id, 'care_package_report.viewed', 'care_package', carePackage.id, {
		childId: child.id,
		recorded: link !== undefined
	});
	return { child, carePackage, report, results: await describe(db, rows) };
}

export type SaveResult = { ok: true; responseId: string } | { ok: false; message: string };

/**
 * Records the report as a completed response on the review survey's current version: answers
 * classified by the version's rules and added to the tallies (package.outcomes) exactly as any
 * completed response, linked to the package and audited, all at once. One report per package.
 */
export async function save(
	app: Pick<App, 'connection' | 'versionIds'>,
	user: StaffUser,
	childId: string,
	packageId: string,
	input: PackageReportInput
): Promise<SaveResult> {
	const db = app.connection.db;
	const { child, carePackage } = await visible(
		db,
		user,
		childId,
		packageId,
		'child.viewed_for_change'
	);
	if (!carePackage.ends_on) return { ok: false, message: NOT_ENDED };
	const versionId = app.versionIds.get(REVIEW_SURVEY);
	if (!versionId) throw new Error(`The ${REVIEW_SURVEY} survey is not registered`);
	const version = await loadVersion(db, versionId);
	let answers = 0;
	const result = await db.transaction().execute(async (trx): Promise<SaveResult> => {
		await reportRepo.lockPackage(trx, carePackage.id);
		if (await reportRepo.findByPackage(trx, carePackage.id))
			return { ok: false, message: ALREADY_RECORDED };
		const now = new Date();
		const response = await responseRepo.start(trx, {
			survey_version_id: version.id,
			invitation_id: null,
			service_id: carePackage.service_id,
			child_id: child.id,
			source: 'end_of_care_package',
			language: 'en',
			variant: String(version.definition.variant),
			// Staff answer for themselves: who helped is asked of children only.
			completion_mode: null,
			assisted_by: user.id,
			age_band: ageBand(child.date_of_birth),
			send_need: child.send_needs[0] ?? null,
			client_submission_id: randomUUID(),
			started_at: now
		});
		for (const [question, value] of Object.entries(reportAnswers(input))) {
			const rule = ownValue(version.rules, question);
			await answerRepo.save(trx, {
				response_id: response.id,
				question_name: question,
				value: JSON.stringify(value),
				measure_id: rule?.measure ?? null,
				classification: rule ? classify(rule, value) : null,
				answered_at: now
			});
			answers++;
		}
		await responseRepo.complete(trx, response.id, now);
		await tally.addResponse(trx, response.id);
		await reportRepo.insert(trx, {
			care_package_id: carePackage.id,
			response_id: response.id,
			created_by: user.id
		});
		await audit.record(
			trx,
			user.id,
			'care_package_report.created',
			'care_package',
			carePackage.id,
			{
				childId: child.id,
				responseId: response.id
			}
		);
		return { ok: true, responseId: response.id };
	});
	// Counted once committed.
	if (result.ok) {
		metrics.answersSaved.inc(answers);
		metrics.responsesCompleted.inc();
	}
	return result;
}
