import type { Locale } from '$lib/i18n';
import type { StaffSession } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
			/** The signed-in staff member's session, if any (see $lib/server/access/roles). */
			staff: StaffSession | null;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

export {};
