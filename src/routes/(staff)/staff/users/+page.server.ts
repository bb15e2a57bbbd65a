import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { passwordLinkRefused } from '$lib/server/auth/messages';
import { readForm } from '$lib/server/forms/staff';
import * as users from '$lib/server/users/service';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireAccess(locals, 'users.manage');
	return { ...(await users.list((await app()).connection.db, user)), me: user.id };
};

const none = { errors: {}, formError: null, values: {}, link: null, notice: null };

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
			started.config.resetLinkHours
		);
		if (!result.created) return fail(400, { ...none, errors: result.errors, values: form.values });
		const { link } = result.created;
		if (!link)
			return {
				...none,
				notice: `${form.values.name} was added. ${passwordLinkRefused(started.config.oidc?.name ?? null, 'Their account')}. They can sign in with it straight away`
			};
		return { ...none, link: started.config.origin + link, for: form.values.name };
	},
	reset: async ({ locals, request }) => {
		const user = requireAccess(locals, 'users.manage');
		const started = await app();
		const form = await readForm(request, ['id']);
		if (!form.ok) return fail(400, { ...none, formError: form.error });
		const { link, name } = await users.resetLink(
			started.connection.db,
			user,
			form.values.id,
			started.config.resetLinkHours
		);
		if (!link)
			return fail(400, {
				...none,
				formError: passwordLinkRefused(started.config.oidc?.name ?? null, `${name}’s account`)
			});
		return { ...none, link: started.config.origin + link, for: null };
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
