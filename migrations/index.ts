import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-24T12-00_initial-schema';

// Every migration, by name, in the order they run. A test checks that each file in this folder
// is listed here, so a migration cannot be forgotten.
export const migrations: Record<string, Migration> = {
	'2026-11-24T12-00_initial-schema': initialSchema
};
