import { defineJob } from '../jobs/define';
import { clearExpired } from './expired';

/** Every hour, sessions, links, unfinished sign-ins and rate-limit windows past their time go. */
export const expiredSignInsCleared = defineJob<void>({
	name: 'sign-in.clear-expired',
	schedule: '15 * * * *',
	run: async (_data, { db, now }) => {
		await clearExpired(db, now);
	}
});
