import { randomUUID } from 'node:crypto';
import type { DB } from '../db/connect';
import { HANDED_OVER_MODE, type CompletionMode } from '../../domain/completion-modes';
import { ageBand } from '../../domain/age-bands';
import { ownValue } from '../../own';
import * as answerRepo from '../db/answer';
import * as childRepo from '../db/child';
import * as invitationRepo from '../db/invitation';
import * as tally from '../db/tally';
import * as responseRepo from '../db/response';
import type { Invitation, Response, SurveyRules } from '../db/schema';
import * as surveyRepo from '../db/survey';
import { hashSecret, newToken } from '../secrets';
import { derivedToken } from '../keys';
import * as safeguarding from '../alerts/safeguarding';
import * as metrics from '../metrics';
import { classify, isSafeguardingAnswer } from '../surveys/rules';
import type { Json } from '../surveys/types';
import { nextStep, stepsFor, type StepList } from './steps';

export interface VersionData {
	id: string;
	surveyId: string;
	definition: Json;
	rules: SurveyRules;
}

/** Everything a respondent's page needs about their own response. */
export interface RespondentContext {
	response: Response;
	version: VersionData;
	answers: Record<string, unknown>;
	steps: StepList;
}

// Survey versions never change once stored, so each is read from the database once per process.
const versions = new Map<string, VersionData>();

export async function loadVersion(db: DB, id: string): Promise<VersionData> {
	const cached = versions.get(id);
	if (cached) return cached;
	const row = await surveyRepo.findVersion(db, id);
	if (!row) throw new Error(`No survey version ${id}`);
	const data = {
		id: row.id,
		surveyId: row.survey_id,
		definition: row.definition as Json,
		rules: row.rules
	};
	versions.set(id, data);
	return data;
}

export type BeginResult =
	| { status: 'started'; response: Response; resumeToken: string }
	| { status: 'completed' }
	| { status: 'full' };

/**
 * Opens an invitation: an open link always starts a new anonymous response; a personal invitation
 * has one response, started on first use and continued after (on any device: the resume token is
 * replaced each time). A finished response cannot be reopened. A response staff start for a child
 * on their own device (`assistedBy`) is recorded as answered with their help.
 */
export async function begin(
	db: DB,
	invitation: Invitation,
	versionId: string,
	language: string,
	options: { assistedBy?: string; device?: string } = {}
): Promise<BeginResult> {
	const version = await loadVersion(db, versionId);
	let resumeToken = newToken();
	// The age band and main need are copied onto the response when it starts, so statistics can
	// be grouped by them after the child's record is erased.
	const child = invitation.child_id ? await childRepo.find(db, invitation.child_id) : undefined;
	const values = {
		survey_version_id: version.id,
		invitation_id: invitation.id,
		service_id: invitation.service_id,
		child_id: invitation.child_id,
		source: invitation.source,
		language,
		variant: String(version.definition.variant),
		// One response per personal invitation, however often it is opened at once.
		client_submission_id: invitation.is_open ? randomUUID() : invitation.id,
		resume_token_hash: hashSecret(resumeToken),
		age_band: child && !child.erased_at ? ageBand(child.date_of_birth) : null,
		send_need: child && !child.erased_at ? (child.send_needs[0] ?? null) : null,
		assisted_by: options.assistedBy ?? null,
		completion_mode: options.assistedBy ? HANDED_OVER_MODE : null
	};
	if (invitation.is_open) {
		// The link's count goes up in the same transaction as the response is made, and only while
		// it is under its cap: however many start at once, no more than the cap get in.
		const started = await db
			.transaction()
			.execute(async (trx) =>
				(await invitationRepo.takeStart(trx, invitation.id))
					? responseRepo.start(trx, values)
					: null
			);
		return started ? { status: 'started', response: started, resumeToken } : { status: 'full' };
	}
	const response = await responseRepo.start(db, values);
	if (response.completed_at) return { status: 'completed' };
	// From a browser that says which device it is, the token is the same however many times
	// Start is pressed at once: a double tap cannot leave the browser holding a replaced token.
	if (options.device) resumeToken = derivedToken('resume', options.device, response.id);
	await responseRepo.setResumeTokenHash(db, response.id, hashSecret(resumeToken));
	return { status: 'started', response, resumeToken };
}

async function answersOf(db: DB, responseId: string): Promise<Record<string, unknown>> {
	const rows = await answerRepo.listForResponse(db, responseId);
	// No prototype: a question named `constructor` has no answer until one is given.
	return Object.assign(
		Object.create(null) as Record<string, unknown>,
		Object.fromEntries(rows.map((r) => [r.question_name, r.value]))
	);
}

/**
 * The steps of a response. Who helped is known from the start when staff handed their device over
 * (`begin` records it); a hand-over started before that was recorded is still asked.
 */
export function stepsOf(
	response: Pick<Response, 'assisted_by' | 'completion_mode'>,
	definition: Json,
	answers: Record<string, unknown>
): StepList {
	const whoHelpedKnown = response.assisted_by !== null && response.completion_mode !== null;
	return stepsFor(definition, answers, { whoHelpedKnown });
}

/** The response a respondent's browser holds the token for, or null. */
export async function fromResumeToken(
	db: DB,
	token: string | undefined
): Promise<RespondentContext | null> {
	if (!token) return null;
	const response = await responseRepo.findByResumeTokenHash(db, hashSecret(token));
	if (!response) return null;
	const version = await loadVersion(db, response.survey_version_id);
	const answers = await answersOf(db, response.id);
	return { response, version, answers, steps: stepsOf(response, version.definition, answers) };
}

export class AlreadyFinished extends Error {}

export interface Saved {
	next: string;
	/** The answer is one the definition marks as worrying: an alert was raised. */
	worrying: boolean;
	/** The alert this answer raised, when it raised a new one: its lead is told at once. */
	alertId: string | null;
}

/**
 * Saves (or, for an empty answer, clears) one question's answer with its measure and
 * classification from the version answered, and moves the response on. Saving the same page
 * twice leaves one answer. A worrying answer raises a safeguarding alert in the same transaction,
 * due `alertDueWorkingDays` working days later.
 */
export async function saveAnswer(
	db: DB,
	ctx: RespondentContext,
	question: string,
	value: { value: unknown } | { empty: true },
	language: string,
	alertDueWorkingDays: number
): Promise<Saved> {
	const saved = await db.transaction().execute(async (trx) => {
		const locked = await responseRepo.lock(trx, ctx.response.id);
		if (!locked || locked.completed_at) throw new AlreadyFinished();
		if ('empty' in value) {
			await answerRepo.remove(trx, locked.id, question);
		} else {
			const rule = ownValue(ctx.version.rules, question);
			await answerRepo.save(trx, {
				response_id: locked.id,
				question_name: question,
				value: JSON.stringify(value.value),
				measure_id: rule?.measure ?? null,
				classification: rule ? classify(rule, value.value) : null,
				answered_at: new Date()
			});
		}
		const rule = ownValue(ctx.version.rules, question);
		const worrying = !('empty' in value) && isSafeguardingAnswer(rule, value.value);
		let alertId: string | null = null;
		if (worrying) {
			alertId = await safeguarding.raise(
				trx,
				{ responseId: locked.id, questionName: question, serviceId: locked.service_id },
				alertDueWorkingDays
			);
		}
		const answers = Object.assign(Object.create(null) as Record<string, unknown>, ctx.answers);
		if ('empty' in value) delete answers[question];
		else answers[question] = value.value;
		const next = nextStep(stepsOf(locked, ctx.version.definition, answers), question);
		await trx
			.updateTable('response')
			.set({ current_question: next, language, updated_at: new Date() })
			.where('id', '=', locked.id)
			.execute();
		return { next, worrying, alertId };
	});
	// Counted once committed.
	if (!('empty' in value)) metrics.answersSaved.inc();
	if (saved.alertId) metrics.alertsRaised.inc();
	return saved;
}

/** Records who helped; returns the next step. */
export async function saveCompletionMode(
	db: DB,
	ctx: RespondentContext,
	mode: CompletionMode,
	step: string
): Promise<string> {
	const result = await responseRepo.setCompletionMode(db, ctx.response.id, mode);
	if (result.numUpdatedRows === 0n) throw new AlreadyFinished();
	const next = nextStep(ctx.steps, step);
	await responseRepo.setCurrentQuestion(db, ctx.response.id, next);
	return next;
}

/**
 * Completes the response exactly once, adding it to the dashboard's tallies in the same
 * transaction; false if it was already complete.
 */
export async function finish(db: DB, ctx: RespondentContext): Promise<boolean> {
	const finished = await db.transaction().execute(async (trx) => {
		if (!(await responseRepo.complete(trx, ctx.response.id))) return false;
		await tally.addResponse(trx, ctx.response.id);
		return true;
	});
	if (finished) metrics.responsesCompleted.inc();
	return finished;
}
