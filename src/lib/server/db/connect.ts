import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { dirname } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './schema';
import { DURABLE_START_PARAMS, lockDataFolder, makeDurable } from './embedded';

// Dates (no time) and numerics come back as text from both drivers: a date of birth must not shift
// with the server's time zone, and hours must not pass through floating point.
const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const asText = (value: string) => value;

export type DB = Kysely<Database>;

export interface Connection {
	db: DB;
	kind: 'postgres' | 'pglite';
	/**
	 * Runs SQL without parameters that may hold several statements (the job queue's own schema
	 * and upkeep), returning the last statement's rows. Through the app's connection, so that on
	 * PGlite it never runs inside another caller's transaction.
	 */
	script(text: string): Promise<unknown[]>;
	close(): Promise<void>;
}

export interface ConnectOptions {
	/** A PostgreSQL connection string; without it, an embedded PGlite database is used. */
	url?: string;
	/** Where PGlite keeps its files; `memory://` for a throwaway database. */
	dataDir?: string;
	/** PostgreSQL only: run every query in this schema (tests use one fresh schema each). */
	schema?: string;
	/** PostgreSQL only: connections in the pool (DATABASE_POOL_SIZE); pg's default (10) if not given. */
	poolSize?: number;
	/** PGlite on disk: fsync each commit (default). Off only to measure what it costs. */
	durable?: boolean;
}

/** Opens the app's database: the PostgreSQL server at `url`, or embedded PGlite in `dataDir`. */
export async function connect(options: ConnectOptions): Promise<Connection> {
	if (options.url) {
		const { default: pg } = await import('pg');
		const pool = new pg.Pool({
			connectionString: options.url,
			max: options.poolSize,
			types: {
				getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
					oid === DATE_OID || oid === NUMERIC_OID
						? asText
						: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
			},
			...(options.schema ? { options: `-c search_path=${options.schema}` } : {})
		});
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		// Without parameters pg uses the simple protocol, which takes several statements at once.
		const script = async (text: string) =>
			(await db.executeQuery(CompiledQuery.raw(text))).rows ?? [];
		return { db, kind: 'postgres', script, close: () => db.destroy() };
	}
	const [{ PGlite }, { PGliteDialect }] = await Promise.all([
		import('@electric-sql/pglite'),
		import('kysely-pglite-dialect')
	]);
	const dataDir = options.dataDir ?? 'memory://';
	const onDisk = !dataDir.startsWith('memory://');
	const durable = onDisk && options.durable !== false;
	const release = onDisk ? lockDataFolder(dirname(dataDir)) : () => {};
	let pglite: PGlite;
	try {
		pglite = await PGlite.create(dataDir, {
			parsers: { [DATE_OID]: asText, [NUMERIC_OID]: asText },
			...(durable ? { startParams: DURABLE_START_PARAMS } : {})
		});
	} catch (e) {
		release();
		throw e;
	}
	if (durable && !makeDurable(pglite))
		console.warn(
			'The embedded database could not be made durable (fsync): a power cut could lose answers.'
		);
	const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
	return {
		db,
		kind: 'pglite',
		// PGlite's query() prepares its statement, which takes one statement only; exec() takes
		// several. Holding Kysely's one connection meanwhile keeps it out of anyone's transaction.
		script: (text) =>
			db.connection().execute(async () => (await pglite.exec(text)).at(-1)?.rows ?? []),
		close: async () => {
			try {
				await db.destroy();
				if (!pglite.closed) await pglite.close();
			} finally {
				release();
			}
		}
	};
}
