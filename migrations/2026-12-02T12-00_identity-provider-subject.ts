/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// An account signed in once with the council's identity provider is linked to the person the
// provider knows (its issuer and the subject, `sub`, it gave), and is found by that link from
// then on: an email address handed on to someone else at the council no longer opens the old
// account (OpenID Connect Core 5.7: only issuer and subject together identify a person). The
// session keeps the provider's ID token (sealed with the app's key) while it lasts, to end the
// provider's session too at sign-out (RP-Initiated Logout 1.0). Every sign-in now asks the
// provider to check the person again, so `oidc_sign_in.reauthenticate` was always true: it goes.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('app_user')
		.addColumn('oidc_issuer', 'text')
		.addColumn('oidc_subject', 'text')
		.execute();
	await db.schema
		.alterTable('app_user')
		.addCheckConstraint(
			'app_user_oidc_link_whole',
			sql`(oidc_issuer is null) = (oidc_subject is null)`
		)
		.execute();
	await db.schema
		.createIndex('app_user_oidc_link')
		.on('app_user')
		.columns(['oidc_issuer', 'oidc_subject'])
		.unique()
		.execute();
	await db.schema.alterTable('session').addColumn('id_token', 'text').execute();
	await db.schema.alterTable('oidc_sign_in').dropColumn('reauthenticate').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('oidc_sign_in')
		.addColumn('reauthenticate', 'boolean', (c) => c.notNull().defaultTo(true))
		.execute();
	await db.schema.alterTable('session').dropColumn('id_token').execute();
	await db.schema.dropIndex('app_user_oidc_link').execute();
	await db.schema.alterTable('app_user').dropConstraint('app_user_oidc_link_whole').execute();
	await db.schema
		.alterTable('app_user')
		.dropColumn('oidc_subject')
		.dropColumn('oidc_issuer')
		.execute();
}
