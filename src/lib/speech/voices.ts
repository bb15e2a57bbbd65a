import type { Language } from '../domain/languages';

/**
 * The eSpeak NG voice that reads each language on the server, for devices without a voice of
 * their own; `null` marks a language the server cannot read (the button then relies on the
 * device or a recording). eSpeak NG 1.52 has all three: `en-gb`, `pl` and `ur` (Urdu in Arabic
 * script, a voice its authors still call work in progress).
 */
export const SERVER_VOICES: Record<Language, string | null> = { en: 'en-gb', pl: 'pl', ur: 'ur' };

/**
 * How the server's speech is made. Part of every cache key, so changing any of it makes new
 * audio instead of serving the old: words per minute (eSpeak's default is 175; slower suits
 * children who are still learning the language or have a learning disability), and the file.
 */
export const SPEECH_FORMAT = {
	engine: 'espeak-ng 1.52',
	wordsPerMinute: 150,
	kbps: 32,
	type: 'audio/mpeg',
	extension: 'mp3'
} as const;

export const serverVoice = (lang: string): string | null =>
	(SERVER_VOICES as Record<string, string | null | undefined>)[lang] ?? null;
