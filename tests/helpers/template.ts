import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Prepares a PGlite server's data once per VOICES_MATRIX_TEMPLATE folder, and copies it for every
 * later run: the mutation run (tests/mutations/access.ts) starts each mutant's matrix from the
 * same data without preparing it again. Without the variable, or on PostgreSQL, it just prepares.
 * `prepare` returns the ids the tests need, which are kept with the copy.
 */
export async function preparedOnce<T>(
	env: Record<string, string>,
	prepare: () => Promise<T>
): Promise<T> {
	const template = process.env.VOICES_MATRIX_TEMPLATE;
	if (!template || !env.DATA_DIR) return prepare();
	const saved = join(template, 'ids.json');
	if (existsSync(saved)) {
		cpSync(join(template, 'data'), env.DATA_DIR, { recursive: true });
		return JSON.parse(readFileSync(saved, 'utf8')) as T;
	}
	const ids = await prepare();
	cpSync(env.DATA_DIR, join(template, 'data'), { recursive: true });
	writeFileSync(saved, JSON.stringify(ids));
	return ids;
}
