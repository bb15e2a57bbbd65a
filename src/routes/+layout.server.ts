import type { LayoutServerLoad } from './$types';
import { ATTRIBUTION } from '$lib/server/symbols';
import { isStaffPath } from '$lib/staff-paths';
import { sectionsFor } from '$lib/server/access/sections';

export const load: LayoutServerLoad = ({ locals, url }) => {
	const session = locals.staff;
	const signedIn = session && !session.awaitingSecondFactor && !session.lockedResponseId;
	return {
		locale: locals.locale,
		path: url.pathname,
		attribution: ATTRIBUTION,
		staffArea: isStaffPath(url.pathname),
		// Only what the staff header shows: a name and the sections the role may open.
		staff: signedIn
			? { name: session.user.displayName, links: sectionsFor(session.user.role) }
			: null
	};
};
