import { app } from '../app';
import { defineJob } from '../jobs/define';
import { applyRetention } from './retention';

/**
 * The retention period applied every night (what `npm run retention` does): at 02:30, a time
 * that comes once a night in London when the clocks change too. Applying it twice the same
 * night erases nothing more.
 */
export const nightlyRetention = defineJob<void>({
	name: 'retention.nightly',
	schedule: '30 2 * * *',
	run: async (_data, { db, now }) => {
		await applyRetention(db, now, (await app()).config.retentionMonths);
	}
});
