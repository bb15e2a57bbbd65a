import { sql } from 'kysely';
import * as setting from './db/app-setting';
import type { DB } from './db/connect';
import { KEYED_PREFIX, SEALED_PREFIX, keyCheck, sameCheck, seal, upgradeHash } from './keys';

const KEY_CHECK = 'key_check';

/**
 * Run at start, after the migrations: refuses a key other than the one the database was set up
 * with (every code and authenticator would silently stop working), then upgrades what an older
 * version stored without the key: unkeyed code hashes and authenticator secrets in the clear.
 * Safe to run again and from several servers at once (each update is conditional).
 */
export async function checkAndUpgrade(db: DB): Promise<{ codes: number; secrets: number }> {
	const stored = await setting.claim(db, KEY_CHECK, keyCheck());
	if (!sameCheck(stored, keyCheck()))
		throw new Error(
			'SECRET_KEY is not the key this database was set up with. Every app server must use the ' +
				"same key: set SECRET_KEY to the original one (or restore the data folder's secret-key file)."
		);
	// Rate-limit windows keyed by an unkeyed hash of a code or an address: only counts, so they
	// are dropped rather than left for a copy of the database to reverse.
	await db
		.deleteFrom('rate_limit')
		.where(sql<boolean>`key ~ '^[a-z-]+:[0-9a-f]{64}$'`)
		.execute();
	let codes = 0;
	const oldCodes = await db
		.selectFrom('invitation')
		.select(['id', 'code_hash'])
		.where('code_hash', 'is not', null)
		.where('code_hash', 'not like', `${KEYED_PREFIX}%`)
		.execute();
	for (const row of oldCodes) {
		const done = await db
			.updateTable('invitation')
			.set({ code_hash: upgradeHash(row.code_hash!) })
			.where('id', '=', row.id)
			.where('code_hash', '=', row.code_hash)
			.executeTakeFirst();
		codes += Number(done.numUpdatedRows);
	}
	let secrets = 0;
	const users = await db
		.selectFrom('app_user')
		.select(['id', 'totp_secret', 'totp_pending_secret'])
		.where((eb) =>
			eb.or([
				eb('totp_secret', 'not like', `${SEALED_PREFIX}%`),
				eb('totp_pending_secret', 'not like', `${SEALED_PREFIX}%`)
			])
		)
		.execute();
	for (const u of users) {
		for (const column of ['totp_secret', 'totp_pending_secret'] as const) {
			const value = u[column];
			if (value === null || value.startsWith(SEALED_PREFIX)) continue;
			const done = await db
				.updateTable('app_user')
				.set({ [column]: seal(value) })
				.where('id', '=', u.id)
				.where(column, '=', value)
				.executeTakeFirst();
			secrets += Number(done.numUpdatedRows);
		}
	}
	return { codes, secrets };
}
