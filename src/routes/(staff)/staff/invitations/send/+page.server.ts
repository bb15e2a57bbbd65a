import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import * as children from '$lib/server/children/service';
import { readForm } from '$lib/server/forms/staff';
import * as carers from '$lib/server/invitations/send';
import { isKeyOf } from '$lib/own';
import { MESSAGE_CHANNELS } from '$lib/domain/notifications';
import type { Source } from '$lib/domain/sources';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireProvider(locals, 'invitations.send');
	const started = await app();
	const db = started.connection.db;
	const sent = url.searchParams.get('sent');
	return {
		channels: carers.channels(),
		children: (await children.list(db, user)).map((c) => ({
			id: c.id,
			name: c.display_name,
			reference: c.reference
		})),
		services: (await children.services(db, user)).map((s) => ({ id: s.id, name: s.name })),
		surveys: started.catalogue.surveys
			.filter((s) => s.respondent === 'carer')
			.map((s) => ({ id: s.id, title: s.title })),
		preselected: url.searchParams.get('child'),
		sent: isKeyOf(MESSAGE_CHANNELS, sent) ? sent : null
	};
};

const FIELDS = [
	'child',
	'survey',
	'service',
	'source',
	'days',
	'channel',
	'address',
	'language'
] as const;

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requireProvider(locals, 'invitations.send');
		const started = await app();
		const form = await readForm(request, FIELDS);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const v = form.values;
		const asked = {
			childId: v.child,
			surveyId: v.survey,
			serviceId: v.service,
			source: v.source as Source,
			days: Number(v.days || 28),
			channel: v.channel,
			address: v.address,
			language: v.language
		};
		const errors = await carers.checkSend(started, user, asked);
		// The address is sent back to the form only to be corrected, never kept.
		if (Object.keys(errors).length) return fail(400, { errors, formError: null, values: { ...v } });
		await carers.queueDelivery(await carers.send(started, user, asked));
		redirect(303, `/staff/invitations/send?sent=${asked.channel}`);
	}
};
