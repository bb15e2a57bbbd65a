import type { FieldErrors } from '../forms/staff';

/** How far each care plan outcome was achieved, as the end of care package review records it. */
export const OUTCOME_RESULTS = {
	achieved: 'Achieved',
	partly: 'Partly achieved',
	not_achieved: 'Not achieved'
} as const;
export type OutcomeResult = keyof typeof OUTCOME_RESULTS;

/** Up to three outcomes from the care plan, as in surveys/end-of-care-package-review.json. */
export const OUTCOME_COUNT = 3;
// The review's own limits (its maxLength), so a saved report is one the survey itself would take.
export const OUTCOME_MAX = 200;
export const EVALUATION_MAX = 2000;

/** The form's fields are the review's question names, so each maps to one stored answer. */
export const REPORT_FIELDS = [
	'outcome_1_text',
	'outcome_1',
	'outcome_2_text',
	'outcome_2',
	'outcome_3_text',
	'outcome_3',
	'package_outcomes',
	'evaluation'
] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface PackageReportInput {
	/** In care plan order: outcome 1 always, then 2 and 3 when the plan has them. */
	outcomes: { text: string; result: OutcomeResult }[];
	overall: OutcomeResult;
	evaluation: string;
}

export type ReadReport =
	{ ok: true; report: PackageReportInput } | { ok: false; errors: FieldErrors };

// Typed text is kept as written, less control characters only a forged post would send.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const length = (s: string) => [...s].length;
const isResult = (v: string): v is OutcomeResult => Object.hasOwn(OUTCOME_RESULTS, v);
const textField = (n: number) => `outcome_${n}_text` as ReportField;
const resultField = (n: number) => `outcome_${n}` as ReportField;

/**
 * Reads the end of care package report form (GOV.UK error wording, one message per field).
 * Outcome 1 is required; outcomes 2 and 3 are optional, but each needs both its text and its
 * result, and outcome 3 needs outcome 2.
 */
export function readPackageReport(posted: Partial<Record<string, string>>): ReadReport {
	const v = (k: ReportField) => (posted[k] ?? '').replace(CONTROL, '').trim();
	const errors: FieldErrors = {};
	const outcomes: PackageReportInput['outcomes'] = [];
	// Every outcome up to the last one written is needed: the survey asks them in order.
	let last = 1;
	for (let n = 2; n <= OUTCOME_COUNT; n++) if (v(textField(n)) || v(resultField(n))) last = n;
	for (let n = 1; n <= last; n++) {
		const text = v(textField(n));
		const result = v(resultField(n));
		if (!text) errors[textField(n)] = `Enter what care plan outcome ${n} says`;
		else if (length(text) > OUTCOME_MAX)
			errors[textField(n)] = `Care plan outcome ${n} must be ${OUTCOME_MAX} characters or fewer`;
		if (!isResult(result)) errors[resultField(n)] = `Choose whether outcome ${n} was achieved`;
		else outcomes.push({ text, result });
	}
	const overall = v('package_outcomes');
	if (!isResult(overall))
		errors.package_outcomes =
			'Choose whether the care package achieved the outcomes in the care plan';
	const evaluation = v('evaluation');
	if (!evaluation)
		errors.evaluation = 'Enter an evaluation of the outcomes achieved through the short breaks';
	else if (length(evaluation) > EVALUATION_MAX)
		errors.evaluation = `Evaluation must be ${EVALUATION_MAX} characters or fewer`;
	if (Object.keys(errors).length || !isResult(overall)) return { ok: false, errors };
	return { ok: true, report: { outcomes, overall, evaluation } };
}

/** The review's answers for a valid report, keyed by question name. */
export function reportAnswers(report: PackageReportInput): Record<string, string> {
	const answers: Record<string, string> = {};
	report.outcomes.forEach((o, i) => {
		answers[`outcome_${i + 1}_text`] = o.text;
		answers[`outcome_${i + 1}`] = o.result;
	});
	answers.package_outcomes = report.overall;
	answers.evaluation = report.evaluation;
	return answers;
}
