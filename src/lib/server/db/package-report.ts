import { sql } from 'kysely';
import type { DB } from './connect';
import type { Classification } from '../../domain/classifications';
import type { CompletionMode } from '../../domain/completion-modes';

// End of care package reports: each links a care package to the completed staff review
// (a response on the end of care package review survey) that reports on it.

/** A care package with its service's name. */
export function findPackage(db: DB, id: string) {
	return db
		.selectFrom('care_package')
		.innerJoin('service', 'service.id', 'care_package.service_id')
		.selectAll('care_package')
		.select('service.name as service_name')
		.where('care_package.id', '=', id)
		.executeTakeFirst();
}

/** Locks a care package row until the transaction ends, so two reports cannot race. */
export function lockPackage(db: DB, id: string) {
	return db
		.selectFrom('care_package')
		.select('id')
		.where('id', '=', id)
		.forUpdate()
		.executeTakeFirst();
}

export function insert(
	db: DB,
	report: { care_package_id: string; response_id: string; created_by: string | null }
) {
	return db
		.insertInto('care_package_report')
		.values(report)
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** A package's report link with the name of who recorded it. */
export function findByPackage(db: DB, carePackageId: string) {
	return db
		.selectFrom('care_package_report')
		.leftJoin('app_user', 'app_user.id', 'care_package_report.created_by')
		.selectAll('care_package_report')
		.select('app_user.display_name as created_by_name')
		.where('care_package_report.care_package_id', '=', carePackageId)
		.executeTakeFirst();
}

/** The review's answers, keyed by question name. */
export async function answersOf(db: DB, responseId: string): Promise<Record<string, unknown>> {
	const rows = await db
		.selectFrom('answer')
		.select(['question_name', 'value'])
		.where('response_id', '=', responseId)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.question_name, r.value]));
}

export interface PackageResult {
	response_id: string;
	survey_version_id: string;
	survey_title: string;
	respondent: string;
	completed_at: Date;
	completion_mode: CompletionMode | null;
	question_name: string;
	measure_id: string;
	measure_label: string;
	classification: Classification | null;
	value: unknown;
}

/**
 * The child's and family's answers to measures for one package: completed end of care package
 * responses of the child's and carers' surveys at the package's service, completed on or after
 * the day the package started (UK time), oldest first.
 */
export function resultsForPackage(
	db: DB,
	childId: string,
	serviceId: string,
	since: string
): Promise<PackageResult[]> {
	return db
		.selectFrom('response')
		.innerJoin('survey_version', 'survey_version.id', 'response.survey_version_id')
		.innerJoin('survey', 'survey.id', 'survey_version.survey_id')
		.innerJoin('answer', 'answer.response_id', 'response.id')
		.innerJoin('measure', 'measure.id', 'answer.measure_id')
		.select([
			'response.id as response_id',
			'response.survey_version_id',
			'survey.title as survey_title',
			'survey.respondent',
			'response.completion_mode',
			'answer.question_name',
			'measure.id as measure_id',
			'measure.label as measure_label',
			'answer.classification',
			'answer.value'
		])
		.select((eb) => eb.ref('response.completed_at').$notNull().as('completed_at'))
		.where('response.child_id', '=', childId)
		.where('response.service_id', '=', serviceId)
		.where('response.source', '=', 'end_of_care_package')
		.where('survey.respondent', 'in', ['child', 'carer'])
		.where('response.completed_at', 'is not', null)
		.where(
			'response.completed_at',
			'>=',
			sql<Date>`(${since}::date)::timestamp at time zone 'Europe/London'`
		)
		.orderBy('response.completed_at')
		.orderBy('response.id')
		.orderBy('answer.answered_at')
		.orderBy('answer.question_name')
		.execute();
}
