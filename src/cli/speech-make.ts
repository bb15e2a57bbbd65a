// `npm run speech:make`: makes the server's speech for every registered text that has none yet,
// so that after publishing a survey no child waits for the first reading of a page. Optional:
// without it each text is made the first time a device asks for it. Safe beside running app
// servers (each text is claimed before it is made) and safe to stop and run again.
import { startApp, stopApp } from '../lib/server/app';
import { readConfig, type Config } from '../lib/server/config';
import * as speech from '../lib/server/db/speech';
import { audioFor } from '../lib/server/speech/cache';

let config: Config;
try {
	config = readConfig();
} catch (e) {
	console.error((e as Error).message);
	process.exit(2);
}

const app = await startApp(config);
const db = app.connection.db;
try {
	const started = performance.now();
	let made = 0;
	let failed = 0;
	const seen = new Set<string>();
	for (;;) {
		const batch = (await speech.unmade(db, 50)).filter((t) => !seen.has(t.key));
		if (!batch.length) break;
		for (const t of batch) {
			seen.add(t.key);
			try {
				if (typeof (await audioFor(db, t.key)) === 'object') made++;
			} catch (e) {
				failed++;
				console.error(`${t.key} (${t.voice}): ${(e as Error).message}`);
			}
		}
		console.log(`${made} made…`);
	}
	const tally = await speech.tally(db);
	console.log(
		`Made ${made} in ${((performance.now() - started) / 1000).toFixed(0)} s${failed ? `, ${failed} failed` : ''}; ` +
			`${tally.made} of ${tally.texts} texts have speech, ${(tally.bytes / 1024 / 1024).toFixed(1)} MB.`
	);
	if (failed) process.exitCode = 1;
} finally {
	await stopApp();
}
