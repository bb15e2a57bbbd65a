import type { LayoutServerLoad } from './$types';
import { ATTRIBUTION } from '$lib/server/symbols';

export const load: LayoutServerLoad = ({ locals }) => {
	return { locale: locals.locale, attribution: ATTRIBUTION };
};
