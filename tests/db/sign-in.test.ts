import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { checkPassword, SIGN_IN_LIMITS } from '../../src/lib/server/auth/sign-in';
import * as sessionRepo from '../../src/lib/server/db/session';
import * as userRepo from '../../src/lib/server/db/user';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

describe.each(databaseKinds)('sign-in limits and sessions on %s', (kind) => {
	let db: TestDatabase;
	let userId = '';
	beforeAll(async () => {
		db = await freshDatabase(kind);
		userId = (
			await userRepo.insert(db.db, {
				email: 'Lead@Example.org',
				display_name: 'Lead',
				role: 'administrator',
				password_hash: await hashPassword('correct horse battery')
			})
		).id;
	});
	afterAll(() => db?.drop());

	it('slows down from the third failure, locks at the sixth, and ignores tries while held', async () => {
		const t0 = new Date('2026-11-24T10:00:00Z');
		const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
		const tryWrong = (s: number) =>
			checkPassword(db.db, 'lead@example.org', 'wrong', `a${s}`, at(s));
		expect((await tryWrong(0)).status).toBe('wrong');
		expect((await tryWrong(1)).status).toBe('wrong');
		const third = await tryWrong(2);
		expect(third).toEqual({ status: 'wait', until: at(2 + SIGN_IN_LIMITS.waitSeconds) });
		// Held: even the right password is refused, and the refusal is not counted.
		expect(
			(await checkPassword(db.db, 'lead@example.org', 'correct horse battery', 'x', at(10))).status
		).toBe('wait');
		expect((await userRepo.find(db.db, userId))!.failed_sign_ins).toBe(3);
		expect((await tryWrong(40)).status).toBe('wait');
		expect((await tryWrong(200)).status).toBe('wait');
		const sixth = await tryWrong(400);
		expect(sixth).toEqual({ status: 'locked', until: at(400 + SIGN_IN_LIMITS.lockMinutes * 60) });
		expect((await tryWrong(500)).status).toBe('locked');
		// After the lock, the right password works and clears the count.
		const later = at(400 + SIGN_IN_LIMITS.lockMinutes * 60 + 1);
		const ok = await checkPassword(db.db, 'LEAD@example.org', 'correct horse battery', 'x', later);
		expect(ok.status).toBe('ok');
	});

	it('ends a session after its idle time and at its absolute expiry', async () => {
		const now = new Date();
		await sessionRepo.insert(db.db, {
			id_hash: 'h1',
			user_id: userId,
			expires_at: new Date(now.getTime() + 3600_000)
		});
		expect(await sessionRepo.findLive(db.db, 'h1', 1800, now)).toBeDefined();
		const idle = new Date(now.getTime() + 1801_000);
		expect(await sessionRepo.findLive(db.db, 'h1', 1800, idle)).toBeUndefined();
		await sessionRepo.touch(db.db, 'h1', new Date(now.getTime() + 1700_000));
		expect(await sessionRepo.findLive(db.db, 'h1', 1800, idle)).toBeDefined();
		expect(
			await sessionRepo.findLive(db.db, 'h1', 1800, new Date(now.getTime() + 3601_000))
		).toBeUndefined();
	});
});
