import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import * as children from '$lib/server/children/service';
import { readChild } from '$lib/server/children/validate';
import { readForm } from '$lib/server/forms/staff';

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

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireProvider(locals);
	const child = await children.get((await app()).connection.db, user, params.id);
	const [year, month, day] = (child.date_of_birth ?? '').split('-');
	return {
		id: child.id,
		name: child.display_name,
		values: {
			reference: child.reference,
			display_name: child.display_name,
			dob_day: day ? String(Number(day)) : '',
			dob_month: month ? String(Number(month)) : '',
			dob_year: year ?? '',
			communication_needs: child.communication_needs ?? '',
			preferred_variant: child.preferred_variant ?? '',
			preferred_language: child.preferred_language ?? ''
		},
		needs: child.send_needs
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireProvider(locals);
		const form = await readForm(request, FIELDS);
		if (!form.ok) return fail(400, { values: {}, needs: [], errors: {}, formError: form.error });
		const needs = form.all('send_needs');
		const { child, errors } = readChild(form.values, needs);
		const again = (e: Record<string, string>) =>
			fail(400, { values: form.values, needs, errors: e, formError: null });
		if (Object.keys(errors).length) return again(errors);
		const refused = await children.update((await app()).connection.db, user, params.id, child);
		if (Object.keys(refused).length) return again(refused);
		redirect(303, `/staff/children/${params.id}?changed=1`);
	}
};
