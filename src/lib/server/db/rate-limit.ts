import { sql } from 'kysely';
import type { DB } from './connect';

/**
 * Counts one hit against `key` in a fixed window and returns the hits so far in that window.
 * One atomic statement, so app servers sharing the database share the limit.
 */
export async function hit(
	db: DB,
	key: string,
	windowSeconds: number,
	now = new Date()
): Promise<number> {
	const windowStart = sql<Date>`${now}::timestamptz`;
	const expired = sql<boolean>`rate_limit.window_start <= ${now}::timestamptz - make_interval(secs => ${windowSeconds})`;
	const row = await db
		.insertInto('rate_limit')
		.values({ key, window_start: now, hits: 1 })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				hits: sql`case when ${expired} then 1 else rate_limit.hits + 1 end`,
				window_start: sql`case when ${expired} then ${windowStart} else rate_limit.window_start end`
			})
		)
		.returning('hits')
		.executeTakeFirstOrThrow();
	return row.hits;
}
