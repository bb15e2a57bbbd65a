import { join, resolve } from 'node:path';

/** Settings from the environment, read once. README.md lists them. */
export interface Config {
	databaseUrl?: string;
	dataDir: string;
	surveysDir: string;
	symbolsDir?: string;
	demoData: boolean;
	origin: string;
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
		origin: env.ORIGIN ?? `http://localhost:${port}`
	};
}

export function pgliteDir(config: Config): string {
	return join(config.dataDir, 'pglite');
}
