import { app } from '../app';
import type { EnqueueOptions } from './boss';
import type { JobDefinition } from './define';

/**
 * Durable: stored in PostgreSQL before it returns. `singletonKey` makes a second enqueue of the
 * same key a no-op while the first is queued or active (idempotency for mails).
 *
 * It goes through the app's own connection, not a caller's transaction: call it once the
 * transaction has committed (on PGlite, whose one connection a transaction holds, calling it
 * inside `db.transaction().execute(…)` would wait for ever). A job must find its rows by id, and
 * do nothing when they are gone.
 */
export async function enqueue<T>(
	job: JobDefinition<T>,
	data: T,
	options?: EnqueueOptions
): Promise<void> {
	await (await app()).queue.enqueue(job, data, options);
}
