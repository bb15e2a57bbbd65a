import type { Insertable } from 'kysely';
import type { DB } from './connect';
import type { DB as Tables } from './tables';

// Sign-ins waiting at the identity provider (auth/identity-provider.ts), by the hash of the id
// in the browser's cookie.

export function insert(db: DB, pending: Insertable<Tables['oidc_sign_in']>) {
	return db.insertInto('oidc_sign_in').values(pending).execute();
}

/** Takes a pending sign-in, once: it is deleted as it is read, so a second callback finds none. */
export function take(db: DB, idHash: string) {
	return db
		.deleteFrom('oidc_sign_in')
		.where('id_hash', '=', idHash)
		.returning(['state', 'nonce', 'code_verifier', 'return_to', 'expires_at'])
		.executeTakeFirst();
}

/** Forgets sign-ins that were never finished. */
export function removeExpired(db: DB, now = new Date()) {
	return db.deleteFrom('oidc_sign_in').where('expires_at', '<=', now).execute();
}
