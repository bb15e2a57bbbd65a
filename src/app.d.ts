import type { Locale } from '$lib/i18n';

declare global {
	namespace App {
		interface Locals {
			locale: Locale;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

export {};
