import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { ownValue } from '$lib/own';
import { app } from '$lib/server/app';
import { readRespondentForm } from '$lib/server/answering/form';
import { frame, surveyLocale } from '$lib/server/answering/page';
import { requireOpenResponse, requireRespondent, stepPath } from '$lib/server/answering/respondent';
import { AlreadyFinished, saveAnswer, type Saved } from '$lib/server/answering/service';
import { ANSWER_FIELDS, readAnswer, unknownFields } from '$lib/server/answering/validate';
import { findQuestion, questionView } from '$lib/server/answering/view';
import { tellLead } from '$lib/server/notifications/send';

const selectedOf = (value: unknown): string[] =>
	value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

export const load: PageServerLoad = async ({ cookies, params, locals, request }) => {
	const { connection, catalogue } = await app();
	const ctx = await requireOpenResponse(connection.db, cookies, request);
	if (!ctx.steps.steps.includes(params.name)) redirect(303, '/answer');
	const q = findQuestion(ctx.version.definition, params.name);
	if (!q) error(404, 'Not found');
	const n = ctx.steps.numbered.indexOf(params.name);
	return {
		...frame(ctx, params.name, locals.locale, catalogue.symbols),
		question: questionView(
			q,
			surveyLocale(ctx.version.definition, locals.locale),
			catalogue.symbols
		),
		selected: selectedOf(ownValue(ctx.answers, params.name)),
		progress: n >= 0 ? { n: n + 1, total: ctx.steps.numbered.length } : null
	};
};

export const actions: Actions = {
	default: async ({ cookies, params, request, locals }) => {
		const { connection, config } = await app();
		const db = connection.db;
		const ctx = await requireRespondent(db, cookies);
		const read = await readRespondentForm(request, ANSWER_FIELDS);
		if (!read.ok) return fail(400, { error: read.error, detail: null, posted: [] });
		const form = read.form;
		const posted = form.getAll('answer').filter((v) => typeof v === 'string');
		const refuse = (status: number, key: string, detail?: string) =>
			fail(status, { error: key, detail: detail ?? null, posted });
		if (ctx.response.completed_at) return refuse(409, 'finished');
		if (unknownFields(form).length)
			return refuse(400, 'unknownField', unknownFields(form).join(', '));
		// A page from another version of the survey (or a forged one) must not write answers.
		if (form.get('version') !== ctx.response.survey_version_id) return refuse(409, 'staleVersion');
		if (form.get('step') !== params.name || !ctx.steps.steps.includes(params.name)) {
			return refuse(409, 'wrongStep');
		}
		const q = findQuestion(ctx.version.definition, params.name);
		if (!q) return refuse(404, 'wrongStep');
		const result = readAnswer(q, form);
		if (!result.ok) return refuse(400, result.error, result.detail);
		let saved: Saved;
		try {
			saved = await saveAnswer(
				db,
				ctx,
				params.name,
				result,
				locals.locale,
				config.safeguardingDueWorkingDays
			);
		} catch (e) {
			if (e instanceof AlreadyFinished) return refuse(409, 'finished');
			throw e;
		}
		// The lead is told at once; should this fail, the answer is saved and the five-minute check
		// tells them instead.
		if (saved.alertId) await tellLead(saved.alertId);
		// Straight after a worrying answer the child sees who they can talk to, then carries on.
		redirect(303, saved.worrying ? '/answer/support' : stepPath(saved.next));
	}
};
