import { app } from '../app';
import type { EnqueueOptions } from './boss';
import type { JobDefinition } from './define';

/**
 * Durable: stored in PostgreSQL before it returns. `singletonKey` makes a second enqueue of the
 * same key a no-op while the first is queued or active (idempotency for mails).
 */
export async function enqueue<T>(
	job: JobDefinition<T>,
	data: T,
	options?: EnqueueOptions
): Promise<void> {
	await (await app()).queue.enqueue(job, data, options);
}
