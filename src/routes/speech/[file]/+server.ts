import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/server/app';
import { audioFor } from '$lib/server/speech/cache';
import { SPEECH_FORMAT } from '$lib/speech/voices';

const FILE = new RegExp(`^([0-9a-f]{32})\\.${SPEECH_FORMAT.extension}$`);

// "Read to me" on a device without a voice for the page's language: the server's reading of one
// survey or interface text, by its key (a hash of text and voice, so the address holds no
// personal data). Anyone may fetch it, like the pages' own words; a key that no survey or page
// registered is refused, so the server never reads out text it was sent.
export const GET: RequestHandler = async ({ params }) => {
	const key = FILE.exec(params.file)?.[1];
	if (!key) error(404, 'Not found');
	const found = await audioFor((await app()).connection.db, key);
	if (found === 'unknown') error(404, 'Not found');
	if (found === 'busy')
		return new Response('Busy', { status: 503, headers: { 'Retry-After': '2' } });
	return new Response(found.audio, {
		headers: {
			'Content-Type': SPEECH_FORMAT.type,
			'Content-Length': String(found.audio.length),
			// A key names its words and voice for ever: the file never changes.
			'Cache-Control': 'public, max-age=31536000, immutable'
		}
	});
};
