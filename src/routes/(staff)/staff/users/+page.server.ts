import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app, type App } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { passwordLinkRefused } from '$lib/server/auth/messages';
import { readForm } from '$lib/server/forms/staff';
import * as users from '$lib/server/users/service';

/** Emailed straight to the person when mail is set up; otherwise shown once to hand over. */
const deliveryOf = (started: App): users.LinkDelivery =>
	started.config.mail ? 'email' : 'hand-over';

function shown(started: App, sent: { link: string } | { emailed: string }, name: string | null) {
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

const none = {
	errors: {},
	formError: null,
	values: {},
	link: null,
	emailed: null,
	notice: null
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['email', 'name', 'role', 'organisation']);
		if (!form.ok) return fail(400, { ...none, formError: form.error });
		const result = await users.create(
			started.connection.db,
			user,
			form.values,
			started.config.resetLinkHours,
			deliveryOf(started)
		);
		if (!result.sent) return fail(400, { ...none, errors: result.errors, values: form.values });
		if ('providerOnly' in result.sent)
			return {
				...none,
				notice: `${form.values.name} was added. ${passwordLinkRefused(started.config.oidc?.name ?? null, 'Their account')}. They can sign in with it straight away`
			};
		return { ...none, ...shown(started, result.sent, form.values.name) };
	},
	reset: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['id']);
		if (!form.ok) return fail(400, { ...none, formError: form.error });
		const sent = await users.resetLink(
			started.connection.db,
			user,
			form.values.id,
			started.config.resetLinkHours,
			deliveryOf(started)
		);
		if ('providerOnly' in sent)
			return fail(400, {
				...none,
				formError: passwordLinkRefused(started.config.oidc?.name ?? null, `${sent.name}’s account`)
			});
		return { ...none, ...shown(started, sent, null) };
	},
	unlink: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const db = (await app()).connection.db;
		const form = await readForm(request, ['id']);
		if (!form.ok) return fail(400, { ...none, formError: form.error });
		const { unlinked, name } = await users.unlinkIdentity(db, user, form.values.id);
		return {
			...none,
			notice: unlinked
				? `${name} is no longer linked to a person at the identity provider. Their next sign-in with it links the account again, to whoever the provider gives their email address`
				: `${name} was not linked to the identity provider`
		};
	}
};
