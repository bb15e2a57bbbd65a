import type { JobDefinition } from './define';

/** Every job the app's workers run. Each feature adds its definitions here. */
export const JOBS: readonly JobDefinition<never>[] = [];
