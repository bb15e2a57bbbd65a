import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import {
	checkPassword,
	checkSecondFactor,
	SIGN_IN_LIMITS
} from '../../src/lib/server/auth/sign-in';
import { currentCode, newSecret } from '../../src/lib/server/auth/totp';
import * as userRepo from '../../src/lib/server/db/user';
import { seal } from '../../src/lib/server/keys';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// Lockouts under parallel attempts: each attempt is counted before it is checked, so a burst
// gets no more checks than attempts made one by one (docs/staff.md: accounts).

describe.each(databaseKinds)('sign-in under a burst of attempts on %s', (kind) => {
	let db: TestDatabase;
	const secret = newSecret();
	const make = async (email: string, totp: boolean) =>
		(
			await userRepo.insert(db.db, {
				email,
				display_name: email,
				role: 'administrator',
				password_hash: await hashPassword('correct horse battery'),
				totp_secret: totp ? seal(secret) : null
			})
		).id;
	beforeAll(async () => {
		db = await freshDatabase(kind);
	});
	afterAll(() => db?.drop());

	it('checks only three of 50 parallel wrong passwords from 50 addresses, and refuses the right one among them', async () => {
		const id = await make('burst@example.org', false);
		const now = new Date();
		const tries = Array.from({ length: 50 }, (_, i) =>
			checkPassword(
				db.db,
				'burst@example.org',
				i === 49 ? 'correct horse battery' : `wrong ${i}`,
				`10.0.0.${i}`,
				now
			)
		);
		const results = await Promise.all(tries);
		expect(results.filter((r) => r.status === 'ok')).toHaveLength(0);
		expect((await userRepo.find(db.db, id))!.failed_sign_ins).toBe(SIGN_IN_LIMITS.waitAfter);
		expect(results.filter((r) => r.status === 'wrong')).toHaveLength(SIGN_IN_LIMITS.waitAfter - 1);
		expect(results.filter((r) => r.status === 'wait')).toHaveLength(
			50 - (SIGN_IN_LIMITS.waitAfter - 1)
		);
	});

	it('checks only three of 300 parallel wrong authenticator codes, and refuses a right code in a burst of 40', async () => {
		const id = await make('totp@example.org', true);
		const now = new Date();
		const wrong = (i: number) =>
			String((Number(currentCode(secret, now.getTime())) + 1 + i) % 1e6).padStart(6, '0');
		const burst = await Promise.all(
			Array.from({ length: 300 }, (_, i) =>
				checkSecondFactor(db.db, id, wrong(i), `10.1.${i % 250}.${i}`, now)
			)
		);
		expect(burst.filter((r) => r.status === 'ok')).toHaveLength(0);
		expect((await userRepo.find(db.db, id))!.failed_sign_ins).toBe(SIGN_IN_LIMITS.waitAfter);
		// Once the wait is over, a burst of 40 with the right code last: the right code is refused.
		const later = new Date(now.getTime() + 31_000);
		const second = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				checkSecondFactor(
					db.db,
					id,
					i === 39 ? currentCode(secret, later.getTime()) : wrong(i),
					`10.2.0.${i}`,
					later
				)
			)
		);
		expect(second[39]!.status).not.toBe('ok');
		expect(second.filter((r) => r.status === 'ok')).toHaveLength(0);
		expect((await userRepo.find(db.db, id))!.failed_sign_ins).toBe(SIGN_IN_LIMITS.waitAfter + 1);
	});

	it('limits authenticator tries per network address', async () => {
		const id = await make('address@example.org', true);
		const start = Date.now();
		const statuses = [];
		// Far apart in time, so the account never waits: only the address limit applies.
		for (let i = 0; i <= SIGN_IN_LIMITS.perAddress; i++) {
			await userRepo.clearFailures(db.db, id);
			const at = new Date(start + i * 1000);
			statuses.push((await checkSecondFactor(db.db, id, '000000', '192.0.2.7', at)).status);
		}
		expect(statuses.slice(0, SIGN_IN_LIMITS.perAddress).every((s) => s === 'wrong')).toBe(true);
		expect(statuses.at(-1)).toBe('tooMany');
		const elsewhere = await checkSecondFactor(db.db, id, '000000', '192.0.2.8', new Date(start));
		expect(elsewhere.status).toBe('wrong');
	});

	it('lets the right password after a wait go on to the authenticator code at once', async () => {
		const id = await make('after-wait@example.org', true);
		const t0 = new Date('2026-11-24T12:00:00Z');
		for (let i = 0; i < 3; i++)
			await checkPassword(db.db, 'after-wait@example.org', 'wrong', '203.0.113.9', t0);
		const later = new Date(t0.getTime() + 31_000);
		const ok = await checkPassword(
			db.db,
			'after-wait@example.org',
			'correct horse battery',
			'203.0.113.9',
			later
		);
		expect(ok.status).toBe('ok');
		const code = currentCode(secret, later.getTime());
		expect((await checkSecondFactor(db.db, id, code, '203.0.113.9', later)).status).toBe('ok');
		expect((await userRepo.find(db.db, id))!.failed_sign_ins).toBe(0);
	});

	it('answers an address without an account exactly as one with an account', async () => {
		await make('known@example.org', false);
		const now = new Date('2026-11-24T10:00:00Z');
		const run = async (email: string) => {
			const out = [];
			for (let i = 0; i < 7; i++) {
				const at = new Date(now.getTime() + i * 1000);
				const r = await checkPassword(db.db, email, 'wrong', `198.51.100.${i}`, at);
				out.push(
					r.status === 'wait' || r.status === 'locked' ? `${r.status} ${+r.until - +at}` : r.status
				);
			}
			return out;
		};
		const known = await run('known@example.org');
		expect(known.slice(0, 3)).toEqual([
			'wrong',
			'wrong',
			`wait ${SIGN_IN_LIMITS.waitSeconds * 1000}`
		]);
		expect(await run('nobody@example.org')).toEqual(known);
	});
});
