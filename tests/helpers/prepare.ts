import { readConfig } from '../../src/lib/server/config';
import { startApp, stopApp, type App } from '../../src/lib/server/app';

/**
 * Prepares a server's database before the server starts (PGlite allows one process at a time):
 * boots the app in this process on the same settings, runs `work`, and closes it again.
 */
export async function prepare<T>(
	env: Record<string, string>,
	work: (app: App) => Promise<T>
): Promise<T> {
	const app = await startApp(
		readConfig({ ...process.env, DATABASE_URL: '', DEMO_RESPONSES: '0', DEMO_DATA: 'on', ...env })
	);
	try {
		return await work(app);
	} finally {
		await stopApp();
	}
}
