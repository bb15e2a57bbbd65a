import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import { OPEN_LINK_LIMITS } from '$lib/server/rate-limit';
import * as children from '$lib/server/children/service';
import { readForm } from '$lib/server/forms/staff';
import * as invitations from '$lib/server/invitations/service';
import type { Respondent } from '$lib/domain/respondents';
import type { Source } from '$lib/domain/sources';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireProvider(locals, 'invitations.send');
	const started = await app();
	const db = started.connection.db;
	return {
		invitations: await invitations.list(started, user),
		children: (await children.list(db, user)).map((c) => ({
			id: c.id,
			name: c.display_name,
			reference: c.reference
		})),
		services: (await children.services(db, user)).map((s) => ({ id: s.id, name: s.name })),
		surveys: started.catalogue.surveys
			.filter((s) => s.respondent !== 'staff')
			.map((s) => ({ id: s.id, title: s.title, respondent: s.respondent })),
		preselected: url.searchParams.get('child'),
		limits: { perAddress: OPEN_LINK_LIMITS.perAddress, perLink: OPEN_LINK_LIMITS.perLink }
	};
};

const FIELDS = ['survey', 'service', 'respondent', 'source', 'days', 'children', 'cap'] as const;

async function make(locals: App.Locals, request: Request, open: boolean) {
	const user = requireProvider(locals, 'invitations.send');
	const started = await app();
	const form = await readForm(request, FIELDS);
	if (!form.ok)
		return fail(400, { errors: {}, formError: form.error, open, cards: null, site: '' });
	const v = form.values;
	const request_ = {
		surveyId: v.survey,
		serviceId: v.service,
		respondent: (v.respondent || 'child') as Respondent,
		source: v.source as Source,
		days: Number(v.days || 28),
		childIds: form.all('children'),
		open,
		cap: open ? v.cap : ''
	};
	const found = await invitations.check(started, user, request_);
	// The open-link form's fields have ids starting "open-": the error summary links to them.
	const errors = Object.fromEntries(
		Object.entries(found).map(([k, m]) => [open ? `open-${k}` : k, m])
	);
	if (Object.keys(errors).length)
		return fail(400, { errors, formError: null, open, cards: null, site: '' });
	const cards = await invitations.create(started, user, request_);
	return {
		errors: {},
		formError: null,
		open,
		cards,
		site: new URL(started.config.origin).host,
		symbol: started.catalogue.symbols.svg('hello')
	};
}

export const actions: Actions = {
	create: ({ locals, request }) => make(locals, request, false),
	open: ({ locals, request }) => make(locals, request, true),
	revoke: async ({ locals, request }) => {
		const user = requireProvider(locals, 'invitations.send');
		const form = await readForm(request, ['id']);
		if (!form.ok)
			return fail(400, { errors: {}, formError: form.error, open: false, cards: null, site: '' });
		if (!(await invitations.revoke(await app(), user, form.values.id)))
			return fail(409, {
				errors: {},
				formError: 'This invitation has already been revoked',
				open: false,
				cards: null,
				site: ''
			});
		return { errors: {}, formError: null, open: false, cards: null, site: '', revoked: true };
	},
	cap: async ({ locals, request }) => {
		const user = requireProvider(locals, 'invitations.send');
		const form = await readForm(request, ['id', 'cap']);
		if (!form.ok)
			return fail(400, { errors: {}, formError: form.error, open: false, cards: null, site: '' });
		const set = await invitations.setCap(await app(), user, form.values.id, form.values.cap);
		if (!set.ok)
			return fail(400, { errors: set.errors, formError: null, open: false, cards: null, site: '' });
		return { errors: {}, formError: null, open: false, cards: null, site: '', capSet: set.cap };
	}
};
