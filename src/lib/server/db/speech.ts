import { sql } from 'kysely';
import type { DB } from './connect';

// The speech cache (migrations/2026-12-02T14-00_speech.ts): texts registered at publish, audio
// made on first use and shared by every app server.

export interface SpeechText {
	key: string;
	voice: string;
	text: string;
}

/**
 * Registers texts that pages may ask to hear; a text already known keeps its audio. Three
 * arrays rather than three parameters a row: one short statement for a whole catalogue.
 */
export async function register(db: DB, texts: SpeechText[]): Promise<void> {
	if (!texts.length) return;
	const column = (pick: (t: SpeechText) => string) => sql`${texts.map(pick)}::text[]`;
	await sql`
		insert into speech (key, voice, text)
		select * from unnest(${column((t) => t.key)}, ${column((t) => t.voice)}, ${column((t) => t.text)})
		on conflict (key) do nothing`.execute(db);
}

/** The audio of a key (null until made), or undefined for a key that was never registered. */
export async function find(
	db: DB,
	key: string
): Promise<{ audio: Uint8Array<ArrayBuffer> | null; voice: string; text: string } | undefined> {
	const row = await db
		.selectFrom('speech')
		.select(['audio', 'voice', 'text'])
		.where('key', '=', key)
		.executeTakeFirst();
	if (!row) return undefined;
	return { ...row, audio: row.audio ? new Uint8Array(row.audio) : null };
}

/**
 * Takes on making a key's audio: true for the one caller that may make it now, false while the
 * audio exists or another app server claimed it less than `staleSeconds` ago (one that stopped
 * half way is taken over after that).
 */
export async function claim(db: DB, key: string, staleSeconds: number): Promise<boolean> {
	const row = await db
		.updateTable('speech')
		.set({ claimed_at: sql`now()` })
		.where('key', '=', key)
		.where('audio', 'is', null)
		.where((eb) =>
			eb.or([
				eb('claimed_at', 'is', null),
				eb('claimed_at', '<', sql<Date>`now() - make_interval(secs => ${staleSeconds})`)
			])
		)
		.returning('key')
		.executeTakeFirst();
	return row !== undefined;
}

export async function store(db: DB, key: string, audio: Uint8Array): Promise<void> {
	await db
		.updateTable('speech')
		.set({ audio: Buffer.from(audio), made_at: sql`now()`, claimed_at: null })
		.where('key', '=', key)
		.execute();
}

/** Gives a claim up after a failure, so the next request tries again at once. */
export async function release(db: DB, key: string): Promise<void> {
	await db.updateTable('speech').set({ claimed_at: null }).where('key', '=', key).execute();
}

/** Texts whose audio is not made yet, oldest first (`npm run speech:make`). */
export async function unmade(db: DB, limit: number): Promise<SpeechText[]> {
	return db
		.selectFrom('speech')
		.select(['key', 'voice', 'text'])
		.where('audio', 'is', null)
		.orderBy('created_at')
		.orderBy('key')
		.limit(limit)
		.execute();
}

/** How many texts are registered and how many have audio, with its bytes. */
export async function tally(db: DB): Promise<{ texts: number; made: number; bytes: number }> {
	const row = await db
		.selectFrom('speech')
		.select([
			sql<string>`count(*)`.as('texts'),
			sql<string>`count(audio)`.as('made'),
			sql<string>`coalesce(sum(octet_length(audio)), 0)`.as('bytes')
		])
		.executeTakeFirstOrThrow();
	return { texts: Number(row.texts), made: Number(row.made), bytes: Number(row.bytes) };
}
