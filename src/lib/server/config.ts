import { join, resolve } from 'node:path';
import { thresholdFrom } from './reports/suppress';

/** Settings from the environment, read once. README.md lists them. */
export interface Config {
	databaseUrl?: string;
	dataDir: string;
	surveysDir: string;
	symbolsDir?: string;
	demoData: boolean;
	origin: string;
	/** Dashboard cells with fewer answers than this are shown as `c` (README: small numbers). */
	suppressionThreshold: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const dataDir = resolve(env.DATA_DIR ?? 'data');
	const port = env.PORT ?? '3000';
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		dataDir,
		surveysDir: resolve(env.SURVEYS_DIR ?? 'surveys'),
		symbolsDir: env.SYMBOLS_DIR ? resolve(env.SYMBOLS_DIR) : undefined,
		demoData: (env.DEMO_DATA ?? 'on') !== 'off',
		origin: env.ORIGIN ?? `http://localhost:${port}`,
		suppressionThreshold: thresholdFrom(env.SUPPRESSION_THRESHOLD)
	};
}

export function pgliteDir(config: Config): string {
	return join(config.dataDir, 'pglite');
}
