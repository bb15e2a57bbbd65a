import type { LayoutServerLoad } from './$types';
import { ATTRIBUTION } from '$lib/server/symbols';
import { isStaffPath } from '$lib/staff-paths';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const session = locals.staff;
	const signedIn = session && !session.awaitingSecondFactor && !session.lockedResponseId;
	return {
		locale: locals.locale,
		path: url.pathname,
		attribution: ATTRIBUTION,
		staffArea: isStaffPath(url.pathname),
		// Only what the staff header shows: a name and a role decide which links appear.
		staff: signedIn ? { name: session.user.displayName, role: session.user.role } : null
	};
};
