/* eslint-disable @typescript-eslint/no-explicit-any */
import { sql, type Kysely } from 'kysely';

// app_setting holds facts about the installation itself; today the check value of the
// application key (SECRET_KEY), so that a server started with another key is refused instead of
// silently failing every code and authenticator. sign_in_guard counts failed sign-ins for email
// addresses that have no account, exactly as app_user counts them for those that do, so that the
// answers to both look alike and do not tell which addresses have accounts.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('app_setting')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('value', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema
		.createTable('sign_in_guard')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', 'timestamptz')
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('sign_in_guard').execute();
	await db.schema.dropTable('app_setting').execute();
}
