// `npm run db:migrate` / `npm run db:rollback`: applies every pending migration, or reverts the
// last one, on DATABASE_URL or the embedded database in DATA_DIR.
import { mkdirSync } from 'node:fs';
import { pgliteDir, readConfig } from '../lib/server/config';
import { connect } from '../lib/server/db/connect';
import { migrateToLatest, rollbackOne } from '../lib/server/db/migrate';

const command = process.argv[2];
if (command !== 'migrate' && command !== 'rollback') {
	console.error('Usage: tsx src/cli/db.ts migrate|rollback');
	process.exit(2);
}
const config = readConfig();
if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
const { db, close } = await connect({
	url: config.databaseUrl,
	dataDir: pgliteDir(config),
	poolSize: config.databasePoolSize
});
try {
	const names = command === 'migrate' ? await migrateToLatest(db) : await rollbackOne(db);
	const verb = command === 'migrate' ? 'Applied' : 'Reverted';
	console.log(
		names.length ? `${verb}: ${names.join(', ')}` : 'Nothing to do: the database is up to date.'
	);
} catch (e) {
	console.error((e as Error).message);
	process.exitCode = 1;
} finally {
	await close();
}
