import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as invitationRepo from '../../src/lib/server/db/invitation';
import * as userRepo from '../../src/lib/server/db/user';
import * as invitations from '../../src/lib/server/invitations/links';
import { checkAndUpgrade } from '../../src/lib/server/key-setup';
import { unseal, useKey } from '../../src/lib/server/keys';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';
import { seedOrganisation } from '../helpers/organisation';

// What an earlier version stored without the application key is upgraded at start: a code
// hashed with plain SHA-256 still opens its invitation, and an authenticator secret in the clear
// is encrypted. A database set up with one key refuses another.

describe.each(databaseKinds)('the application key on %s', (kind) => {
	let database: TestDatabase;
	let serviceId: string;
	const key = randomBytes(32);
	beforeAll(async () => {
		useKey(key);
		database = await freshDatabase(kind);
		({ serviceId } = await seedOrganisation(database.db));
	});
	afterAll(() => database?.drop());

	it('upgrades plain code hashes and secrets in the clear, once', async () => {
		const db = database.db;
		const issued = await invitations.issue(db, {
			surveyId: 'minimal',
			serviceId,
			respondent: 'child',
			source: 'annual_review',
			expiresAt: new Date(Date.now() + 86400_000),
			isOpen: false
		});
		// As an earlier version stored them.
		const plain = createHash('sha256').update(issued.code!).digest('hex');
		await db
			.updateTable('invitation')
			.set({ code_hash: plain })
			.where('id', '=', issued.invitation.id)
			.execute();
		const user = await userRepo.insert(db, {
			email: 'old@example.org',
			display_name: 'Old',
			role: 'administrator',
			password_hash: '!',
			totp_secret: 'KRSXG5CTMVZHEZLUGEZDGNBVGY3TQOJQ'
		});
		expect(await invitations.findByCode(db, issued.code!)).toBeUndefined();
		expect(await checkAndUpgrade(db)).toEqual({ codes: 1, secrets: 1 });
		expect((await invitations.findByCode(db, issued.code!))?.id).toBe(issued.invitation.id);
		expect(await invitationRepo.findByCodeHash(db, plain)).toBeUndefined();
		const stored = (await userRepo.find(db, user.id))!.totp_secret!;
		expect(stored).toMatch(/^enc1:/);
		expect(stored).not.toContain('KRSXG5CTMVZHEZLUGEZDGNBVGY3TQOJQ');
		expect(unseal(stored)).toBe('KRSXG5CTMVZHEZLUGEZDGNBVGY3TQOJQ');
		expect(await checkAndUpgrade(db)).toEqual({ codes: 0, secrets: 0 });
	});

	it('refuses a key other than the one the database was set up with', async () => {
		useKey(randomBytes(32));
		try {
			await expect(checkAndUpgrade(database.db)).rejects.toThrow(
				'SECRET_KEY is not the key this database was set up with'
			);
		} finally {
			useKey(key);
		}
		expect(await checkAndUpgrade(database.db)).toEqual({ codes: 0, secrets: 0 });
	});
});
