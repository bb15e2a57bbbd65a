import type { LayoutServerLoad } from './$types';
import { ATTRIBUTION } from '$lib/server/symbols';

export const load: LayoutServerLoad = ({ locals, url }) => {
	return { locale: locals.locale, path: url.pathname, attribution: ATTRIBUTION };
};
