import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { HOUR_TYPE_VALUES } from '$lib/domain/hour-types';
import { ageBand } from '$lib/domain/age-bands';
import { app } from '$lib/server/app';
import { can } from '$lib/server/access/policy';
import { requireProvider } from '$lib/server/access/roles';
import * as retention from '$lib/server/privacy/retention';
import * as assisted from '$lib/server/invitations/hand-over';
import * as children from '$lib/server/children/service';
import { readForm } from '$lib/server/forms/staff';
import { readCarePackage } from '$lib/server/children/validate';

/** The notice after a change, by the `changed` it redirected with. */
const CHANGED = { '1': 'Record saved.', package: 'Care package saved.' } as const;
const changedNotice = (key: string) =>
	Object.hasOwn(CHANGED, key) ? CHANGED[key as keyof typeof CHANGED] : null;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireProvider(locals);
	const started = await app();
	const db = started.connection.db;
	const { child, carePackages } = await children.detail(db, user, params.id);
	return {
		child: {
			id: child.id,
			reference: child.reference,
			name: child.display_name,
			dateOfBirth: child.date_of_birth,
			ageBand: ageBand(child.date_of_birth),
			needs: child.send_needs,
			communication: child.communication_needs,
			variant: child.preferred_variant,
			language: child.preferred_language
		},
		carePackages,
		services: (await children.services(db, user)).map((s) => ({ id: s.id, name: s.name })),
		surveys: started.catalogue.surveys
			.filter((s) => s.respondent === 'child')
			.map((s) => ({ id: s.id, title: s.title })),
		canErase: can(user.role, 'children.erase'),
		changed: changedNotice(url.searchParams.get('changed') ?? '')
	};
};

export const actions: Actions = {
	carePackage: async ({ locals, params, request }) => {
		const user = requireProvider(locals);
		const db = (await app()).connection.db;
		const form = await readForm(request, [
			'service_id',
			'starts_on',
			'ends_on',
			...HOUR_TYPE_VALUES
		]);
		if (!form.ok)
			return fail(400, { action: 'carePackage', errors: {}, formError: form.error, values: {} });
		const ids = (await children.services(db, user)).map((s) => s.id);
		const { carePackage, errors } = readCarePackage(form.values, ids);
		if (Object.keys(errors).length)
			return fail(400, { action: 'carePackage', errors, formError: null, values: form.values });
		const refused = await children.addCarePackage(db, user, params.id, carePackage);
		if (Object.keys(refused).length)
			return fail(400, {
				action: 'carePackage',
				errors: refused,
				formError: null,
				values: form.values
			});
		return {
			action: 'carePackage',
			errors: {},
			formError: null,
			values: {},
			saved: 'Care package added'
		};
	},
	endPackage: async ({ locals, params, request }) => {
		const user = requireProvider(locals);
		const db = (await app()).connection.db;
		const form = await readForm(request, ['package_id', 'end_on', 'end_reason', 'end_explanation']);
		if (!form.ok)
			return fail(400, { action: 'endPackage', errors: {}, formError: form.error, values: {} });
		const id = form.values.package_id;
		const errors = await children.endCarePackage(db, user, params.id, id, form.values);
		// Each package's form has its own field ids (end_on_<package id>): the summary links there.
		// Ended meanwhile (another request won): a conflict, not a mistake in the form.
		if (Object.keys(errors).length)
			return fail(errors.end_on === children.ALREADY_ENDED ? 409 : 400, {
				action: 'endPackage',
				errors: Object.fromEntries(Object.entries(errors).map(([k, m]) => [`${k}_${id}`, m])),
				formError: null,
				values: form.values
			});
		return {
			action: 'endPackage',
			errors: {},
			formError: null,
			values: {},
			saved: 'Care package ended'
		};
	},
	assist: async ({ locals, params, request, cookies, url }) => {
		requireProvider(locals);
		const session = locals.staff!;
		const form = await readForm(request, ['assist_survey', 'assist_service', 'assist_source']);
		if (!form.ok)
			return fail(400, { action: 'assist', errors: {}, formError: form.error, values: {} });
		const errors = await assisted.handOver(
			await app(),
			session,
			params.id,
			{
				surveyId: form.values.assist_survey,
				serviceId: form.values.assist_service,
				source: form.values.assist_source
			},
			cookies,
			url
		);
		if (Object.keys(errors).length)
			return fail(400, { action: 'assist', errors, formError: null, values: form.values });
		redirect(303, '/answer');
	},
	erase: async ({ locals, params, request }) => {
		const user = requireProvider(locals, 'children.erase');
		const db = (await app()).connection.db;
		// The form is read first: a post refused whole records nothing, not even a viewing.
		const form = await readForm(request, ['confirm']);
		if (!form.ok)
			return fail(400, { action: 'erase', errors: {}, formError: form.error, values: {} });
		const child = await children.get(db, user, params.id, 'child.viewed_for_erasure');
		if (form.values.confirm !== child.reference)
			return fail(400, {
				action: 'erase',
				errors: { confirm: `Type the reference ${child.reference} to confirm` },
				formError: null,
				values: {}
			});
		await retention.eraseChild(db, child.id, user.id);
		redirect(303, '/staff/children?erased=1');
	}
};
