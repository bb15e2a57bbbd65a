import { expiredSignInsCleared } from '../auth/jobs';
import { nightlyRetention } from '../privacy/jobs';
import type { JobDefinition } from './define';
import { NOTIFICATION_JOBS } from '../notifications/jobs';
import { INVITATION_JOBS } from '../invitations/jobs';

/** Every job the app's workers run. Each feature adds its definitions here. */
export const JOBS: readonly JobDefinition<never>[] = [
	nightlyRetention,
	expiredSignInsCleared,
	...NOTIFICATION_JOBS,
	...INVITATION_JOBS
];
