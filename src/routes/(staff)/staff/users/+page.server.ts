import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app, type App } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as users from '$lib/server/users/service';

/** Emailed straight to the person when mail is set up; otherwise shown once to hand over. */
const deliveryOf = (started: App): users.LinkDelivery =>
	started.config.mail ? 'email' : 'hand-over';

function shown(started: App, sent: users.LinkSent, name: string | null) {
	return 'link' in sent
		? { link: started.config.origin + sent.link, emailed: null, for: name }
		: { link: null, emailed: sent.emailed, for: name };
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireAccess(locals, 'users.manage');
	const { connection, config } = await app();
	return {
		...(await users.list(connection.db, user)),
		me: user.id,
		linkHours: config.resetLinkHours,
		emailsLinks: Boolean(config.mail)
	};
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['email', 'name', 'role', 'organisation']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {}, link: null });
		const result = await users.create(
			started.connection.db,
			user,
			form.values,
			started.config.resetLinkHours,
			deliveryOf(started)
		);
		if (!result.sent)
			return fail(400, { errors: result.errors, formError: null, values: form.values, link: null });
		return {
			errors: {},
			formError: null,
			values: {},
			...shown(started, result.sent, form.values.name)
		};
	},
	reset: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['id']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {}, link: null });
		const sent = await users.resetLink(
			started.connection.db,
			user,
			form.values.id,
			started.config.resetLinkHours,
			deliveryOf(started)
		);
		return { errors: {}, formError: null, values: {}, ...shown(started, sent, null) };
	}
};
