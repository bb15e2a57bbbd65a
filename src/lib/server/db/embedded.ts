import { fsyncSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Takes the data folder for this process. PGlite is a database inside one process: a second
 * process opening the same files (the server and a command run beside it) corrupts them, so a
 * second one is refused with a message saying what to do. A lock left by a process that no longer
 * runs (after a crash) is taken over. Returns the function that releases it.
 */
export function lockDataFolder(dataDir: string): () => void {
	const lock = join(dataDir, 'voices.lock');
	const mine = `${lock}.${process.pid}`;
	writeFileSync(mine, String(process.pid));
	try {
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				linkSync(mine, lock); // atomic: fails if the lock exists
				return () => {
					try {
						if (readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock);
					} catch {
						// Already gone: nothing to release.
					}
				};
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			}
			let holder = NaN;
			try {
				holder = Number(readFileSync(lock, 'utf8'));
			} catch {
				continue; // released in between: try again
			}
			if (holder === process.pid)
				throw new DataFolderInUse(
					`The embedded database in ${dataDir} is already open in this process.`
				);
			if (Number.isInteger(holder) && holder > 0 && alive(holder))
				throw new DataFolderInUse(
					`The embedded database in ${dataDir} is in use by another process (pid ${holder}), ` +
						'most likely the running server. Only one process may open it at a time: stop the ' +
						'server (Ctrl+C) and run the command again, or use PostgreSQL (DATABASE_URL), which ' +
						'any number of processes can share.'
				);
			rmSync(lock, { force: true }); // left by a process that has ended
		}
		throw new DataFolderInUse(`Could not take the lock on the embedded database in ${dataDir}.`);
	} finally {
		rmSync(mine, { force: true });
	}
}
