import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import * as commissions from '$lib/server/organisations/commissions';
import * as councils from '$lib/server/organisations/councils';
import * as providers from '$lib/server/organisations/providers';

/** What the notice after a change says, by the `saved` the change redirected with. */
const SAVED = {
	council: 'Council saved.',
	provider: 'Provider saved.',
	commission: 'Commission saved.'
} as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireAccess(locals, 'organisations.manage');
	const db = (await app()).connection.db;
	const saved = url.searchParams.get('saved') ?? '';
	return {
		councils: await councils.list(db, user),
		providers: await providers.list(db, user),
		commissions: await commissions.list(db, user),
		saved: Object.hasOwn(SAVED, saved) ? SAVED[saved as keyof typeof SAVED] : null
	};
};
