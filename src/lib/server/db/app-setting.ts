import type { DB } from './connect';

export async function find(db: DB, name: string): Promise<string | undefined> {
	const row = await db
		.selectFrom('app_setting')
		.select('value')
		.where('name', '=', name)
		.executeTakeFirst();
	return row?.value;
}

/** Stores `value` unless the setting exists; returns the stored value either way. */
export async function claim(db: DB, name: string, value: string): Promise<string> {
	await db
		.insertInto('app_setting')
		.values({ name, value })
		.onConflict((oc) => oc.column('name').doNothing())
		.execute();
	return (await find(db, name))!;
}
