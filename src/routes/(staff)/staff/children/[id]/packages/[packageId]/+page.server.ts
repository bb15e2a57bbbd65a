import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { HOUR_TYPE_VALUES } from '$lib/domain/hour-types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import * as children from '$lib/server/children/service';
import { readCarePackage } from '$lib/server/children/validate';
import { readForm } from '$lib/server/forms/staff';

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireProvider(locals);
	const db = (await app()).connection.db;
	const { child, carePackage, services } = await children.carePackage(
		db,
		user,
		params.id,
		params.packageId
	);
	return {
		child: { id: child.id, name: child.display_name },
		carePackage,
		services: services.map((s) => ({ id: s.id, name: s.name }))
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireProvider(locals);
		const db = (await app()).connection.db;
		const form = await readForm(request, [
			'service_id',
			'starts_on',
			'ends_on',
			...HOUR_TYPE_VALUES
		]);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		// The services are checked by the change itself, with the package's own.
		const { carePackage, errors } = readCarePackage(form.values, [form.values.service_id]);
		if (Object.keys(errors).length)
			return fail(400, { errors, formError: null, values: form.values });
		const refused = await children.changeCarePackage(
			db,
			user,
			params.id,
			params.packageId,
			carePackage
		);
		if (Object.keys(refused).length)
			return fail(400, { errors: refused, formError: null, values: form.values });
		redirect(303, `/staff/children/${params.id}?changed=package`);
	}
};
