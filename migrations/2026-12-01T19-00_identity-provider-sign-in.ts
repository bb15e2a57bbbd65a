/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// Staff may sign in with the council's identity provider (OpenID Connect). A sign-in begun on one
// app server may come back to another, so what the callback checks (state, nonce, the PKCE code
// verifier, when it ends, where to go next) is kept here, under the hash of a random id that
// only the browser's short-lived cookie holds; it is deleted when used. `reauthenticate`: begun
// on a device handed to a child, so the provider must ask for the password again rather than
// sign the staff member straight back in. `require_sso`: the
// council's own accounts (its commissioners and staff) may not sign in with a password.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('oidc_sign_in')
		.addColumn('id_hash', 'text', (c) => c.primaryKey())
		.addColumn('state', 'text', (c) => c.notNull())
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('code_verifier', 'text', (c) => c.notNull())
		.addColumn('return_to', 'text', (c) => c.notNull())
		.addColumn('reauthenticate', 'boolean', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createIndex('oidc_sign_in_expires_at')
		.on('oidc_sign_in')
		.column('expires_at')
		.execute();
	await db.schema
		.alterTable('council')
		.addColumn('require_sso', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('council').dropColumn('require_sso').execute();
	await db.schema.dropTable('oidc_sign_in').execute();
}
