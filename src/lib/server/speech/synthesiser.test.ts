import { afterAll, describe, expect, it } from 'vitest';
import { stopSynthesiser, synthesise } from './synthesiser';

// eSpeak NG in its worker thread: each language the server reads makes an MP3 (MPEG-2 layer III,
// 22.05 kHz, 32 kb/s: a frame header 0xFFF3 and about 4 KB a second).
describe('speech made on the server', { timeout: 60_000 }, () => {
	afterAll(stopSynthesiser);

	it.each([
		['en-gb', 'Do you feel safe?'],
		['pl', 'Czy czujesz się bezpiecznie?'],
		['ur', 'کیا آپ محفوظ محسوس کرتے ہیں؟']
	])('reads %s as MP3', async (voice, text) => {
		const audio = await synthesise(voice, text);
		expect(audio[0]).toBe(0xff);
		expect(audio[1]! & 0xfe).toBe(0xf2);
		expect(audio.length).toBeGreaterThan(2000);
		expect(audio.length).toBeLessThan(20_000);
	});

	it('reads a text that looks like an option as words', async () => {
		const audio = await synthesise('en-gb', '-v --help');
		expect(audio.length).toBeGreaterThan(1000);
	});

	it('says so when the voice does not exist, and keeps working', async () => {
		await expect(synthesise('xx-nothing', 'Hello')).rejects.toThrow(/could not speak|no sound/);
		expect((await synthesise('en-gb', 'Hello')).length).toBeGreaterThan(500);
	});

	it('makes several at once without mixing them up', async () => {
		const [a, b] = await Promise.all([
			synthesise('en-gb', 'Yes'),
			synthesise('en-gb', 'There are no right or wrong answers, and you can stop at any time.')
		]);
		expect(b!.length).toBeGreaterThan(a!.length * 2);
	});
});
