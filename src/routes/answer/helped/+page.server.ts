import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { readRespondentForm } from '$lib/server/answering/form';
import { frame } from '$lib/server/answering/page';
import { requireOpenResponse, requireRespondent, stepPath } from '$lib/server/answering/respondent';
import { AlreadyFinished, saveCompletionMode } from '$lib/server/answering/service';
import { HELPED } from '$lib/server/answering/steps';
import { ANSWER_FIELDS, unknownFields } from '$lib/server/answering/validate';
import { COMPLETION_MODES, COMPLETION_MODE_VALUES } from '$lib/domain/completion-modes';
import { isOneOf } from '$lib/domain/words';
import type { CompletionMode } from '$lib/domain/completion-modes';

// Who is helping is stored on the response: assisted and proxy answers are reported apart.
const SYMBOLS: Record<CompletionMode, string> = { alone: 'me', helped: 'help', proxy: 'talk' };

export const load: PageServerLoad = async ({ cookies, locals, request }) => {
	const { connection, catalogue } = await app();
	const ctx = await requireOpenResponse(connection.db, cookies, request);
	if (!ctx.steps.steps.includes(HELPED)) redirect(303, '/answer');
	return {
		...frame(ctx, HELPED, locals.locale, catalogue.symbols),
		modes: COMPLETION_MODE_VALUES.map((m) => ({
			value: m,
			symbol: catalogue.symbols.svg(SYMBOLS[m])
		})),
		selected: ctx.response.completion_mode
	};
};

export const actions: Actions = {
	default: async ({ cookies, request }) => {
		const db = (await app()).connection.db;
		const ctx = await requireRespondent(db, cookies);
		const refuse = (status: number, error: string) => fail(status, { error });
		const read = await readRespondentForm(request, ANSWER_FIELDS);
		if (!read.ok) return refuse(400, read.error);
		const form = read.form;
		if (ctx.response.completed_at) return refuse(409, 'finished');
		if (unknownFields(form).length) return refuse(400, 'unknownField');
		if (form.get('version') !== ctx.response.survey_version_id) return refuse(409, 'staleVersion');
		// A hand-over is recorded as helped when it starts: nothing posted here may change that.
		if (!ctx.steps.steps.includes(HELPED)) return refuse(409, 'wrongStep');
		const mode = form.get('answer');
		if (mode === null) return refuse(400, 'required');
		if (!isOneOf(COMPLETION_MODES, mode)) return refuse(400, 'unknownChoice');
		let next: string;
		try {
			next = await saveCompletionMode(db, ctx, mode, HELPED);
		} catch (e) {
			if (e instanceof AlreadyFinished) return refuse(409, 'finished');
			throw e;
		}
		redirect(303, stepPath(next));
	}
};
