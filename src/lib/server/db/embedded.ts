import { randomBytes } from 'node:crypto';
import { fsyncSync, linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

// The embedded database (PGlite) in a data folder: one process at a time, and durable.

/**
 * PGlite's own start parameters without `-F` (which turns fsync off), and with WAL flushes made
 * by fsync: the WebAssembly file layer treats fdatasync as a no-op, so only fsync reaches the
 * disk. Everything else is PGlite 0.5's default list.
 */
export const DURABLE_START_PARAMS = [
	'--single',
	'-O',
	'-j',
	'-c',
	'search_path=public',
	'-c',
	'exit_on_error=false',
	'-c',
	'log_checkpoints=false',
	'-c',
	'max_worker_processes=0',
	'-c',
	'max_parallel_workers=0',
	'-c',
	'max_parallel_workers_per_gather=0',
	'-c',
	'io_method=sync',
	'-c',
	'max_parallel_maintenance_workers=0',
	'-c',
	'wal_sync_method=fsync'
];

interface StreamOps {
	open?: unknown;
	mmap?: unknown;
	fsync?: (stream: { nfd?: number }) => number;
}

/** WASI's EIO, which PostgreSQL reports as "could not fsync file". */
const EIO = 29;

/**
 * PGlite's file layer on Node (Emscripten's NODEFS) has no fsync: PostgreSQL's fsync calls
 * return without reaching the disk, so a power cut could lose committed answers. This gives the
 * layer a real fsync (Node's `fsyncSync` on the file's descriptor). Returns false when the layer
 * is not found (a PGlite release that changed its internals), so the caller can say so.
 */
export function makeDurable(pglite: PGlite): boolean {
	const mod = (
		pglite as unknown as { mod?: { FS?: { streams?: ({ stream_ops?: StreamOps } | null)[] } } }
	).mod;
	const streams = mod?.FS?.streams ?? [];
	const ops = new Set<StreamOps>();
	for (const s of streams) {
		const o = s?.stream_ops;
		// NODEFS's operations are the ones that open real files and map them; TTYs already sync.
		if (o && o.open && o.mmap) ops.add(o);
	}
	for (const o of ops) {
		o.fsync ??= (stream) => {
			if (stream.nfd === undefined) return 0;
			try {
				fsyncSync(stream.nfd);
				return 0;
			} catch {
				return EIO;
			}
		};
	}
	return ops.size > 0;
}

export class DataFolderInUse extends Error {}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Data folders this process holds (a process id alone repeats across container restarts). */
const held = new Set<string>();

interface Holder {
	host: string;
	pid: number;
	nonce: string;
}

function readHolder(lock: string): Holder | null {
	try {
		const h = JSON.parse(readFileSync(lock, 'utf8')) as Partial<Holder>;
		if (typeof h.host === 'string' && Number.isInteger(h.pid) && typeof h.nonce === 'string')
			return h as Holder;
		return { host: '', pid: 0, nonce: '' }; // unreadable: a lock from an older version
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
		return { host: '', pid: 0, nonce: '' };
	}
}

const IN_USE = (dataDir: string, who: string) =>
	`The embedded database in ${dataDir} is in use by another process (${who}), most likely the ` +
	'running server. Only one process may open it at a time: stop the server (Ctrl+C) and run ' +
	'the command again, or use PostgreSQL (DATABASE_URL), which any number of processes can share.';

/**
 * Takes the data folder for this process. PGlite is a database inside one process: a second
 * process opening the same files (the server and a command run beside it) corrupts them, so a
 * second one is refused with a message saying what to do. The lock names the host, the process
 * and a random value. A lock left on this host by a process that no longer runs (after a crash)
 * is taken over; a lock from another host (a shared volume) is never taken over, since its
 * process cannot be seen from here. Returns the function that releases it.
 */
export function lockDataFolder(dataDir: string): () => void {
	const lock = join(dataDir, 'voices.lock');
	if (held.has(lock))
		throw new DataFolderInUse(
			`The embedded database in ${dataDir} is already open in this process.`
		);
	const me: Holder = { host: hostname(), pid: process.pid, nonce: randomBytes(16).toString('hex') };
	const mine = `${lock}.${me.nonce}`;
	writeFileSync(mine, JSON.stringify(me), { flag: 'wx' });
	try {
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				linkSync(mine, lock); // atomic: fails if the lock exists
				held.add(lock);
				return () => {
					held.delete(lock);
					if (readHolder(lock)?.nonce === me.nonce) rmSync(lock, { force: true });
				};
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			}
			const holder = readHolder(lock);
			if (!holder) continue; // released in between: try again
			if (holder.host && holder.host !== me.host)
				throw new DataFolderInUse(
					IN_USE(dataDir, `pid ${holder.pid} on ${holder.host}`) +
						` If that host has stopped, remove ${lock}.`
				);
			if (holder.pid > 0 && holder.pid !== process.pid && alive(holder.pid))
				throw new DataFolderInUse(IN_USE(dataDir, `pid ${holder.pid}`));
			// Left by a process that has ended. Moved aside under a name of our own and checked,
			// so that of two processes taking over at once only one removes the stale lock.
			const aside = `${lock}.stale.${me.nonce}`;
			try {
				renameSync(lock, aside);
			} catch {
				continue;
			}
			const moved = readHolder(aside);
			if (moved && moved.nonce !== holder.nonce) {
				// Someone else's fresh lock was moved: put it back and look again.
				try {
					linkSync(aside, lock);
				} catch {
					// A third lock is in place: theirs stands.
				}
			}
			rmSync(aside, { force: true });
		}
		throw new DataFolderInUse(`Could not take the lock on the embedded database in ${dataDir}.`);
	} finally {
		rmSync(mine, { force: true });
	}
}
