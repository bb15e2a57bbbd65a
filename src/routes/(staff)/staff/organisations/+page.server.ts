import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireUser } from '$lib/server/access/roles';
import { overview } from '$lib/server/organisations/overview';

// Who may: organisations.manage, checked on the first line of every service function called here.

/** What the notice after a change says, by the `saved` the change redirected with. */
const SAVED = {
	council: 'Council saved.',
	provider: 'Provider saved.',
	commission: 'Commission saved.'
} as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const saved = url.searchParams.get('saved') ?? '';
	return {
		...(await overview((await app()).connection.db, user)),
		saved: Object.hasOwn(SAVED, saved) ? SAVED[saved as keyof typeof SAVED] : null
	};
};
