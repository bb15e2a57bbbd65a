import { mkdirSync } from 'node:fs';
import { measures } from './catalogue/measures';
import { pgliteDir, readConfig, type Config } from './config';
import { connect, type Connection, type DB } from './db/connect';
import * as measure from './db/measure';
import { migrateToLatest, withStartLock } from './db/migrate';
import * as survey from './db/survey';
import { demoTraces, seedDemoData } from './demo/seed';
import { seedDemoAccounts } from './demo/accounts';
import { prepareDummyHash } from './auth/passwords';
import { checkAndUpgrade } from './key-setup';
import { loadKey, useKey } from './keys';
import { NO_MAIL_WARNING, useMailer } from './mail/mailer';
import { transportFor } from './mail/transport';
import { loadSurveyCatalogue, type SurveyCatalogue } from './surveys/load';
import { formatProblem } from './surveys/types';
import { JOBS } from './jobs/all';
import { installQueue, openQueue, type Queue } from './jobs/boss';
import { postgresScript } from './jobs/adapter';
import { registerSpeech } from './speech/cache';
import { stopSynthesiser } from './speech/synthesiser';

export interface App {
	config: Config;
	connection: Connection;
	catalogue: SurveyCatalogue;
	/** The version id of each survey as its file reads today. */
	versionIds: Map<string, string>;
	/** The job queue: every server sends to it; a server started with workers runs its jobs. */
	queue: Queue;
}

export interface StartOptions {
	/** Run the queue's jobs and schedules in this process (the web server; not a command). */
	workers?: boolean;
}

let booting: Promise<App> | undefined;

const DEMO_AT_HTTPS =
	'Demo data (published demo passwords, codes and links) is not served at an https address. ' +
	'For a real installation start without DEMO_DATA on a database without demo accounts; for a ' +
	'public demo, set THIS_IS_A_DEMO=yes.';

/** Migrations, the key check, the measures and survey versions, and demo data when asked for. */
async function prepareDatabase(
	db: DB,
	script: (text: string) => Promise<unknown[]>,
	config: Config,
	catalogue: SurveyCatalogue
): Promise<Map<string, string>> {
	await migrateToLatest(db);
	await installQueue(db, script, JOBS, config.jobs);
	await checkAndUpgrade(db);
	await measure.syncCatalogue(db, measures);
	const versionIds = new Map<string, string>();
	for (const s of catalogue.surveys) versionIds.set(s.id, await survey.registerVersion(db, s));
	// Publishing a survey registers the texts its pages may read aloud; audio is made on first use.
	await registerSpeech(
		db,
		catalogue.surveys.map((s) => s.definition)
	);
	if (config.demoData) {
		await seedDemoData(db, config.demoResponses);
		await seedDemoAccounts(db);
	}
	return versionIds;
}

async function boot(config: Config, options: StartOptions): Promise<App> {
	// A broken definition stops the start: serving half a catalogue would lose answers.
	const catalogue = loadSurveyCatalogue(config.surveysDir, config.symbolsDir);
	if (catalogue.problems.length) {
		const list = catalogue.problems.map(formatProblem).join('\n');
		throw new Error(`The survey definitions have problems:\n${list}`);
	}
	const publicAddress = new URL(config.origin).protocol === 'https:';
	if (config.demoData && publicAddress && !config.publicDemo) throw new Error(DEMO_AT_HTTPS);
	if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true });
	if (config.databaseUrl && !config.secretKey)
		console.warn(
			`SECRET_KEY is not set: using the key in ${config.dataDir}/secret-key. Back it up with the ` +
				'database, and give every app server the same SECRET_KEY.'
		);
	useKey(loadKey(config.secretKey, config.dataDir));
	useMailer({
		origin: config.origin,
		transport: config.mail ? transportFor(config.mail) : undefined
	});
	// Said by the server that would send them (a command such as user:create sends nothing).
	if (!config.mail && options.workers) console.warn(NO_MAIL_WARNING);
	const connection = await connect({
		url: config.databaseUrl,
		dataDir: pgliteDir(config),
		poolSize: config.databasePoolSize
	});
	try {
		// One server at a time migrates and seeds a shared database (the embedded one has a single
		// process already: its data folder is locked).
		const versionIds = config.databaseUrl
			? await withStartLock(connection.db, (db) =>
					prepareDatabase(db, postgresScript(db), config, catalogue)
				)
			: await prepareDatabase(connection.db, connection.script, config, catalogue);
		await prepareDummyHash();
		// Demo accounts have a published password: never at a public address by accident.
		if (publicAddress && !config.publicDemo) {
			const traces = await demoTraces(connection.db);
			if (traces.length) throw new Error(`${DEMO_AT_HTTPS}\nFound: ${traces.join('; ')}.`);
		}
		const queue = await openQueue(connection, JOBS, config.jobs, options.workers ?? false);
		return { config, connection, catalogue, versionIds, queue };
	} catch (e) {
		await connection.close();
		throw e;
	}
}

/** Starts the app once per process: key, database, migrations, measures, surveys, demo data. */
export function startApp(config: Config = readConfig(), options: StartOptions = {}): Promise<App> {
	booting ??= boot(config, options);
	return booting;
}

/** The started app; loads and actions call this, never `startApp`. */
export function app(): Promise<App> {
	if (!booting) throw new Error('The app has not been started');
	return booting;
}

export async function stopApp(): Promise<void> {
	const started = booting;
	booting = undefined;
	if (!started) return;
	const { queue, connection } = await started;
	try {
		await queue.stop();
		await stopSynthesiser();
	} finally {
		await connection.close();
	}
}
