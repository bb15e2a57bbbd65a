import type { LayoutServerLoad } from './$types';
import { ATTRIBUTION } from '$lib/server/symbols';
import { isStaffPath } from '$lib/staff-paths';
import { isAnsweringPage } from '$lib/answering-paths';
import { sectionsFor } from '$lib/server/access/sections';
import { can } from '$lib/server/access/policy';
import { app } from '$lib/server/app';
import { NO_MAIL_WARNING } from '$lib/server/mail/mailer';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const session = locals.staff;
	const signedIn = session && !session.awaitingSecondFactor && !session.lockedResponseId;
	return {
		locale: locals.locale,
		path: url.pathname,
		attribution: ATTRIBUTION,
		staffArea: isStaffPath(url.pathname),
		answering: isAnsweringPage(url),
		// Only what the staff header shows: a name and the sections the role may open.
		staff: signedIn
			? { name: session.user.displayName, links: sectionsFor(session.user.role) }
			: null,
		// Administrators are told on every staff page while nothing can be sent.
		noMailWarning:
			signedIn && can(session.user.role, 'organisations.manage') && !(await app()).config.mail
				? NO_MAIL_WARNING
				: null
	};
};
