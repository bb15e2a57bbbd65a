import { join, resolve } from 'node:path';
import { thresholdFrom } from './statistics/suppress';
import { returnDueDaysFrom, type ReturnDueDays } from './returns/deadlines';

/** Settings from the environment, read once. README.md lists them. */
export interface Config {
	databaseUrl?: string;
	dataDir: string;
	surveysDir: string;
	symbolsDir?: string;
	/** Add the demo organisations, accounts and codes to an empty database (DEMO_DATA=on). */
	demoData: boolean;
	/** THIS_IS_A_DEMO=yes: demo accounts may be served at an https address (a public demo). */
	publicDemo: boolean;
	/** SECRET_KEY: the application key; without it one is kept in DATA_DIR/secret-key. */
	secretKey?: string;
	origin: string;
	/** Dashboard cells with fewer answers than this are shown as `c` (README: small numbers). */
	suppressionThreshold: number;
	/** Made-up completed responses added with the demo data (DEMO_RESPONSES). */
	demoResponses: number;
	/** Working days after a period ends that each kind of provider return is due (RETURN_DUE_DAYS). */
	returnDueDays: ReturnDueDays;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const dataDir = resolve(env.DATA_DIR ?? 'data');
	const port = env.PORT ?? '3000';
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir,
		surveysDir: resolve(env.SURVEYS_DIR ?? 'surveys'),
		symbolsDir: env.SYMBOLS_DIR ? resolve(env.SYMBOLS_DIR) : undefined,
		demoData: onOff('DEMO_DATA', env.DEMO_DATA),
		publicDemo: env.THIS_IS_A_DEMO === 'yes',
		secretKey: env.SECRET_KEY || undefined,
		origin: env.ORIGIN ?? `http://localhost:${port}`,
		suppressionThreshold: thresholdFrom(env.SUPPRESSION_THRESHOLD),
		demoResponses: demoResponsesFrom(env.DEMO_RESPONSES),
		returnDueDays: returnDueDaysFrom(env.RETURN_DUE_DAYS)
	};
}

export function pgliteDir(config: Config): string {
	return join(config.dataDir, 'pglite');
}

function demoResponsesFrom(value: string | undefined): number {
	if (value === undefined || value === '') return 3000;
	if (!/^\d{1,7}$/.test(value))
		throw new Error(`DEMO_RESPONSES must be a whole number of responses; got "${value}"`);
	return Number(value);
}

/** Demo data only when asked for in so many words: a real installation never gets it. */
function onOff(name: string, value: string | undefined): boolean {
	if (value === undefined || value === '' || value === 'off') return false;
	if (value === 'on') return true;
	throw new Error(`${name} must be "on" or "off"; got "${value}"`);
}
