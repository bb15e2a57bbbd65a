import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowOpenStart, OPEN_LINK_LIMITS } from '../../src/lib/server/rate-limit';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The per-link limit counts starts from every address together.
describe.each(databaseKinds)('open link start limits on %s', (kind) => {
	let database: TestDatabase;
	beforeAll(async () => {
		database = await freshDatabase(kind);
	});
	afterAll(() => database.drop());

	it('refuses starts through one link past its hourly limit, from any address', async () => {
		const link = '00000000-0000-4000-8000-000000000001';
		const { perLink } = OPEN_LINK_LIMITS;
		const allowed = await Promise.all(
			Array.from({ length: perLink }, (_, i) =>
				allowOpenStart(database.db, `10.0.${i >> 8}.${i & 255}`, link)
			)
		);
		expect(allowed.every((a) => a === 'ok')).toBe(true);
		expect(await allowOpenStart(database.db, '10.9.9.9', link)).toBe('busy');
		// Another link is counted apart.
		expect(
			await allowOpenStart(database.db, '10.9.9.9', '00000000-0000-4000-8000-000000000002')
		).toBe('ok');
	});
});
