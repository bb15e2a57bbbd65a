import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../src/lib/server/db/connect';
import * as speech from '../../src/lib/server/db/speech';
import { registerSpeech, speechCache, type Make } from '../../src/lib/server/speech/cache';
import { speechKey } from '../../src/lib/speech/key';
import { databaseKinds, freshDatabase, type TestDatabase } from '../helpers/database';

// The speech cache in PostgreSQL: each text is made once, however many requests and app servers
// ask for it at the same moment, and a text no page registered is never spoken.
const survey = {
	title: 'Short breaks',
	pages: [
		{
			elements: [
				{
					type: 'radiogroup',
					name: 'safe',
					title: { default: 'I feel safe', pl: 'Czuję się bezpiecznie' },
					choices: [{ value: 'yes', text: { default: 'Yes', pl: 'Tak' } }]
				}
			]
		}
	],
	languages: ['pl']
};

describe.each(databaseKinds)('the speech cache on %s', (kind) => {
	let database: TestDatabase;
	/** A second app server's connection to the same database (PGlite has one process only). */
	let other: Connection;
	const calls: string[] = [];
	const make: Make = async (voice, text) => {
		calls.push(`${voice}: ${text}`);
		await new Promise((r) => setTimeout(r, 300));
		return new Uint8Array([0xff, 0xf3, text.length]);
	};

	beforeAll(async () => {
		database = await freshDatabase(kind);
		other = database.schema
			? await connect({ url: process.env.TEST_DATABASE_URL, schema: database.schema })
			: database;
		await registerSpeech(database.db, [survey]);
	});
	afterAll(async () => {
		if (other !== database) await other?.close();
		await database?.drop();
	});

	it('registers each survey and interface text once per language, and again changes nothing', async () => {
		const before = await speech.tally(database.db);
		expect(await speech.find(database.db, speechKey('pl', 'Czuję się bezpiecznie')!)).toEqual({
			audio: null,
			voice: 'pl',
			text: 'Czuję się bezpiecznie'
		});
		// The survey has no Urdu: its Urdu pages show its English, read by the English voice.
		expect(await speech.find(database.db, speechKey('ur', 'I feel safe')!)).toBeUndefined();
		expect(await speech.find(database.db, speechKey('en', 'Type your code')!)).toBeDefined();
		await registerSpeech(database.db, [survey]);
		expect(await speech.tally(database.db)).toEqual(before);
		expect(before.made).toBe(0);
	});

	it('makes a text once when many ask for it at the same moment', async () => {
		calls.length = 0;
		const cache = speechCache(make);
		const key = speechKey('en', 'I feel safe')!;
		const all = await Promise.all(
			Array.from({ length: 5 }, () => cache.audioFor(database.db, key))
		);
		expect(calls).toEqual(['en-gb: I feel safe']);
		for (const found of all) expect(found).toEqual({ audio: new Uint8Array([0xff, 0xf3, 11]) });
		// Later requests, from any server, read it from the database.
		expect(await speechCache(make).audioFor(other.db, key)).toEqual(all[0]);
		expect(calls).toHaveLength(1);
		expect((await speech.tally(database.db)).made).toBe(1);
	});

	it('makes a text once when two app servers ask for it together', async () => {
		calls.length = 0;
		const key = speechKey('pl', 'Tak')!;
		const [a, b] = await Promise.all([
			speechCache(make).audioFor(database.db, key),
			speechCache(make).audioFor(other.db, key)
		]);
		expect(calls).toEqual(['pl: Tak']);
		expect(a).toEqual({ audio: new Uint8Array([0xff, 0xf3, 3]) });
		expect(b).toEqual(a);
	});

	it('never speaks a text no page registered', async () => {
		calls.length = 0;
		const key = speechKey('en', 'Something a child typed')!;
		expect(await speechCache(make).audioFor(database.db, key)).toBe('unknown');
		expect(calls).toEqual([]);
	});

	it('tries again after a failure, and takes over a claim its server left behind', async () => {
		calls.length = 0;
		const key = speechKey('en', 'Yes')!;
		const failing: Make = async () => {
			throw new Error('no sound');
		};
		await expect(speechCache(failing).audioFor(database.db, key)).rejects.toThrow('no sound');
		expect(await speechCache(make).audioFor(database.db, key)).toEqual({
			audio: new Uint8Array([0xff, 0xf3, 3])
		});
		const stale = speechKey('pl', 'Czuję się bezpiecznie')!;
		await database.db
			.updateTable('speech')
			.set({ claimed_at: sql`now() - interval '5 minutes'` })
			.where('key', '=', stale)
			.execute();
		expect(await speechCache(make).audioFor(database.db, stale)).toEqual({
			audio: new Uint8Array([0xff, 0xf3, 21])
		});
		expect(calls).toEqual(['en-gb: Yes', 'pl: Czuję się bezpiecznie']);
	});
});
