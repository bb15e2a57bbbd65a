import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { notFound, requireAccess } from '$lib/server/access/roles';
import { allMeasures } from '$lib/server/dashboard/measures';
import * as targets from '$lib/server/dashboard/targets';
import { readForm } from '$lib/server/forms/staff';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAccess(locals, 'targets.set');
	const providerId = url.searchParams.get('provider') || null;
	const view = await targets.list((await app()).connection.db, user, providerId);
	if (!view) notFound();
	return { ...view, providerId };
};

const FIELDS = [
	'provider',
	...allMeasures().flatMap((m) => [`green-${m.id}`, `amber-${m.id}`])
] as const;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireAccess(locals, 'targets.set');
		const form = await readForm(request, [...FIELDS]);
		if (!form.ok) return fail(400, { error: form.error, errors: {}, values: {} });
		const values = form.values as Record<string, string>;
		const result = await targets.save(
			(await app()).connection.db,
			user,
			values.provider || null,
			values
		);
		if (!result) notFound();
		if (Object.keys(result.errors).length)
			return fail(400, { error: null, errors: result.errors, values });
		return { error: null, errors: {}, values: {}, saved: true };
	}
};
