import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireOpenResponse, stepPath } from '$lib/server/answering/respondent';

// Continue where the respondent stopped.
export const load: PageServerLoad = async ({ cookies }) => {
	const ctx = await requireOpenResponse((await app()).connection.db, cookies);
	const current = ctx.response.current_question;
	const step = current && ctx.steps.steps.includes(current) ? current : ctx.steps.steps[0]!;
	redirect(303, stepPath(step));
};
