import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolderInUse, lockDataFolder } from './embedded';

const folder = () => mkdtempSync(join(tmpdir(), 'voices-lock-'));
// A process id no process has (above the kernel's largest).
const GONE = 2 ** 22 + 1;

describe('the embedded data folder lock', () => {
	it('is taken once per process and given back', () => {
		const dir = folder();
		const release = lockDataFolder(dir);
		expect(() => lockDataFolder(dir)).toThrow(DataFolderInUse);
		release();
		lockDataFolder(dir)();
	});

	it('takes over a lock left on this host by a process that has ended, in any format', () => {
		for (const left of [
			JSON.stringify({ host: hostname(), pid: GONE, nonce: 'x' }),
			String(GONE),
			''
		]) {
			const dir = folder();
			writeFileSync(join(dir, 'voices.lock'), left);
			const release = lockDataFolder(dir);
			expect(JSON.parse(readFileSync(join(dir, 'voices.lock'), 'utf8')).pid).toBe(process.pid);
			release();
		}
	});

	it('refuses a lock held by a live process, and one from another host', () => {
		const dir = folder();
		writeFileSync(
			join(dir, 'voices.lock'),
			JSON.stringify({ host: hostname(), pid: process.ppid, nonce: 'x' })
		);
		expect(() => lockDataFolder(dir)).toThrow(/in use by another process \(pid \d+\)/);
		const shared = folder();
		writeFileSync(
			join(shared, 'voices.lock'),
			JSON.stringify({ host: 'another-host', pid: GONE, nonce: 'x' })
		);
		expect(() => lockDataFolder(shared)).toThrow(/on another-host/);
	});
});
