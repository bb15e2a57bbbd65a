import type { DatabaseKind } from './database';
import { scratchSchema } from './postgres';
import { tempDir } from './server';

/** Settings for a server of `kind`: a fresh PGlite folder, or a fresh schema on PostgreSQL. */
export async function serverTarget(
	kind: DatabaseKind
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
	if (kind === 'pglite')
		return { env: { DATA_DIR: tempDir('voices-data-') }, drop: async () => {} };
	const scratch = await scratchSchema(process.env.TEST_DATABASE_URL!);
	return { env: { DATABASE_URL: scratch.url }, drop: scratch.drop };
}
