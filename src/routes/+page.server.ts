import type { PageServerLoad } from './$types';
import { app } from '$lib/server/app';

export const load: PageServerLoad = async () => {
	const { symbols } = (await app()).catalogue;
	return {
		symbols: {
			hello: symbols.svg('hello'),
			code: symbols.svg('write'),
			surveys: symbols.svg('plan'),
			measures: symbols.svg('goals')
		}
	};
};
