import type { DB } from '../db/connect';
import * as speech from '../db/speech';
import type { Json } from '../surveys/types';
import { synthesise } from './synthesiser';
import { interfaceTexts, speechRows, surveyTexts } from './texts';

// Speech audio is made once per text and voice for every app server: the first request claims
// the text in PostgreSQL and makes it; requests in the same process wait on the same promise;
// another app server waits for the row to fill. Nothing is kept in memory but the promises of
// the audio being made now.

/** A claim older than this is taken for a server that stopped half way. */
const STALE_SECONDS = 60;
/** How long a request waits for another app server's audio before answering "try again". */
const WAIT_MS = 20_000;
const POLL_MS = 150;

export type Lookup = { audio: Uint8Array<ArrayBuffer> } | 'unknown' | 'busy';

export type Make = (voice: string, text: string) => Promise<Uint8Array<ArrayBuffer>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The speech of one app server; tests make two to stand for two servers. */
export function speechCache(make: Make = synthesise) {
	const making = new Map<string, Promise<Lookup>>();

	async function waitForOther(db: DB, key: string): Promise<Lookup> {
		for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
			await sleep(POLL_MS);
			const row = await speech.find(db, key);
			if (row?.audio) return { audio: row.audio };
			if (row && (await speech.claim(db, key, STALE_SECONDS))) return makeNow(db, key, row);
		}
		return 'busy';
	}

	async function makeNow(db: DB, key: string, row: { voice: string; text: string }) {
		try {
			const audio = await make(row.voice, row.text);
			await speech.store(db, key, audio);
			return { audio };
		} catch (e) {
			await speech.release(db, key);
			throw e;
		}
	}

	/** The audio of a registered key, made now if no server has made it yet. */
	async function audioFor(db: DB, key: string): Promise<Lookup> {
		const row = await speech.find(db, key);
		if (!row) return 'unknown';
		if (row.audio) return { audio: row.audio };
		let pending = making.get(key);
		if (!pending) {
			pending = (async () =>
				(await speech.claim(db, key, STALE_SECONDS))
					? makeNow(db, key, row)
					: waitForOther(db, key))();
			making.set(key, pending);
			void pending.finally(() => making.delete(key)).catch(() => {});
		}
		return pending;
	}

	return { audioFor };
}

const shared = speechCache();

/** The audio of a registered key for this app server. */
export const audioFor = (db: DB, key: string) => shared.audioFor(db, key);

/** Registers every text the children's pages of these surveys can read (at start, on publish). */
export async function registerSpeech(db: DB, definitions: Json[]): Promise<number> {
	const rows = speechRows([...definitions.flatMap(surveyTexts), ...interfaceTexts(definitions)]);
	await speech.register(db, rows);
	return rows.length;
}
