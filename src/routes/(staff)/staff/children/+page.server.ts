import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import * as children from '$lib/server/children/service';
import { readForm } from '$lib/server/forms/staff';
import { readChild } from '$lib/server/children/validate';
import { ageBand } from '$lib/domain/age-bands';

const FIELDS = [
	'reference',
	'display_name',
	'dob_day',
	'dob_month',
	'dob_year',
	'send_needs',
	'communication_needs',
	'preferred_variant',
	'preferred_language'
] as const;

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireProvider(locals);
	const list = await children.list((await app()).connection.db, user);
	return {
		children: list.map((c) => ({
			id: c.id,
			reference: c.reference,
			name: c.display_name,
			ageBand: ageBand(c.date_of_birth)
		}))
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireProvider(locals);
		const form = await readForm(request, FIELDS);
		if (!form.ok) return fail(400, { values: {}, needs: [], errors: {}, formError: form.error });
		const needs = form.all('send_needs');
		const { child, errors } = readChild(form.values, needs);
		const again = (status: number, e: Record<string, string>) =>
			fail(status, { values: form.values, needs, errors: e, formError: null });
		if (Object.keys(errors).length) return again(400, errors);
		const created = await children.create((await app()).connection.db, user, child);
		if (!created.ok) return again(409, { [created.field]: created.message });
		redirect(303, `/staff/children/${created.id}`);
	}
};
