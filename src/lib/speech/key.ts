import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { SPEECH_FORMAT, serverVoice } from './voices';

// The server's audio for a text is found by a hash of the text and the voice, so the address
// holds nothing but survey and interface words, identical texts share one recording, and the
// pages (rendered on the server) and the speech cache compute the same key without asking the
// database. Plain JavaScript, not node:crypto, because components compute it while rendering.

/** A text as it is spoken: white space collapsed, so line breaks in markup make no new key. */
export const spokenText = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The voice and settings a key stands for. */
export const voiceTag = (voice: string): string =>
	`${SPEECH_FORMAT.engine} ${voice} ${SPEECH_FORMAT.wordsPerMinute}wpm ${SPEECH_FORMAT.kbps}kbps`;

/** What a key is the hash of, or null when the server has no voice for `lang` or no text. */
export function keySource(
	lang: string,
	text: string
): { voice: string; spoken: string; source: string } | null {
	const voice = serverVoice(lang);
	const spoken = spokenText(text);
	if (!voice || !spoken) return null;
	return { voice, spoken, source: `${voiceTag(voice)}\n${spoken}` };
}

/** The first 128 bits of SHA-256, in hex: the key's length. */
export const KEY_HEX_DIGITS = 32;

/** The key of `text` read in `lang`, or null when the server has no voice for it or no text. */
export function speechKey(lang: string, text: string): string | null {
	const s = keySource(lang, text);
	return s ? bytesToHex(sha256(utf8ToBytes(s.source))).slice(0, KEY_HEX_DIGITS) : null;
}

/** The address of a key's audio. */
export const speechPath = (key: string): string => `/speech/${key}.${SPEECH_FORMAT.extension}`;

/**
 * The attributes that make an element one part of "Read to me": its text, the server's audio for
 * it (`data-speech`, a key) where the language has a server voice, and a recording where the
 * survey names one.
 */
export function speak(lang: string, text: string, recording: string | null = null) {
	return {
		'data-speak': '',
		'data-speech': speechKey(lang, text) ?? undefined,
		'data-audio': recording ?? undefined
	};
}
