import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/lib/server/db/service';
import * as invitations from '../../src/lib/server/invitations/links';
import { browserAvailable, launch } from '../helpers/browser';
import { prepare } from '../helpers/prepare';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { completeSurvey } from '../helpers/walk';

// "Read to me" on every kind of page in every language, heard through a recorder: the device's
// speech (window.speechSynthesis) and audio playback (HTMLMediaElement.play) are replaced before
// the page loads by stand-ins that write down what would be said or played, and finish at once.

type Heard = { via: 'voice' | 'audio'; text?: string; lang?: string; voice?: string; src?: string };
type Part = { text: string; speech: string | null };
type Recorder = Window & { heard: Heard[] };

/** Runs in the page before its scripts: a device whose voices speak the languages `langs`. */
function recorder(langs: string[]) {
	const heard: Heard[] = [];
	(window as unknown as Recorder).heard = heard;
	const voices = langs.map((lang) => ({ lang, name: `Test ${lang}` }));
	Object.defineProperty(window, 'speechSynthesis', {
		value: {
			getVoices: () => voices,
			speak(u: { text: string; lang: string; voice: { lang: string } | null; onend?: () => void }) {
				heard.push({ via: 'voice', text: u.text, lang: u.lang, voice: u.voice?.lang });
				setTimeout(() => u.onend?.(), 0);
			},
			cancel() {},
			addEventListener() {}
		}
	});
	(window as unknown as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = class {
		constructor(public text: string) {}
	};
	HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
		heard.push({ via: 'audio', src: this.src });
		setTimeout(() => this.dispatchEvent(new Event('ended')), 0);
		return Promise.resolve();
	};
}

const surveys = [
	'short-breaks-child-symbols',
	'short-breaks-child-standard',
	'short-breaks-carer',
	'end-of-care-package-review'
];

// Written out from the locale files and surveys/short-breaks-child-symbols.json.
const words = {
	en: {
		start: ['My short break', 'Tell us about your short break.'],
		code: ['Type your code', 'Your code is on your card. It has 8 letters and numbers.'],
		problem: 'There is a problem',
		malformed: 'A code has 8 letters and numbers. Check your card and try again.',
		required: 'Choose an answer.',
		helped: [
			'Who is helping you today?',
			'No one. I am answering on my own',
			'Someone is helping me'
		],
		welcome: ['Hello.', 'These questions are about your short break.']
	},
	pl: {
		start: ['Mój krótki pobyt', 'Opowiedz nam o swoim krótkim pobycie.'],
		code: ['Wpisz swój kod', 'Twój kod jest na karcie. Ma 8 liter i cyfr.'],
		problem: 'Wystąpił problem',
		malformed: 'Kod ma 8 liter i cyfr. Sprawdź kartę i spróbuj jeszcze raz.',
		required: 'Wybierz odpowiedź.',
		helped: ['Kto ci dziś pomaga?'],
		welcome: ['Cześć.', 'Te pytania dotyczą twojego krótkiego pobytu.']
	},
	ur: {
		start: ['میرا شارٹ بریک', 'ہمیں اپنے شارٹ بریک کے بارے میں بتائیں۔'],
		code: ['اپنا کوڈ ٹائپ کریں', 'آپ کا کوڈ آپ کے کارڈ پر ہے۔ اس میں 8 حروف اور نمبر ہیں۔'],
		problem: 'ایک مسئلہ ہے',
		malformed: 'کوڈ میں 8 حروف اور نمبر ہوتے ہیں۔ اپنا کارڈ دیکھیں اور دوبارہ کوشش کریں۔',
		required: 'ایک جواب چنیں۔',
		helped: ['آج آپ کی مدد کون کر رہا ہے؟'],
		welcome: ['ہیلو۔', 'یہ سوال آپ کے شارٹ بریک کے بارے میں ہیں۔']
	}
} as const;
type Locale = keyof typeof words;

describe.skipIf(!browserAvailable)('"Read to me" in Chromium', { timeout: 600_000 }, () => {
	let server: RunningServer;
	let browser: Awaited<ReturnType<typeof launch>>;
	const links = new Map<string, string>();
	const shots = 'test-results/screenshots/read-aloud';

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		const env = { DATA_DIR: tempDir('voices-speech-') };
		await prepare(env, async (app) => {
			const [svc] = await service.list(app.connection.db);
			for (const surveyId of surveys) {
				const { token } = await invitations.issue(app.connection.db, {
					surveyId,
					serviceId: svc!.id,
					respondent: 'child',
					source: 'satisfaction_survey',
					expiresAt: new Date(Date.now() + 86400_000),
					isOpen: true
				});
				links.set(surveyId, `/i/${token}`);
			}
		});
		server = await startServer(env);
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	async function device(langs: string[]): Promise<Page> {
		const page = await browser.newPage();
		await page.addInitScript(recorder, langs);
		return page;
	}

	/** The page's parts as the test reads them from the markup: errors first, then in order. */
	const partsOf = (page: Page): Promise<Part[]> =>
		page.evaluate(() => {
			const all = [...document.querySelectorAll('[data-speak]')];
			const inSummary = (el: Element) => el.closest('.error-summary') !== null;
			return [...all.filter(inSummary), ...all.filter((el) => !inSummary(el))]
				.map((el) => ({
					text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
					speech: el.getAttribute('data-speech')
				}))
				.filter((p) => p.text);
		});

	/** Presses "Read to me" and waits until every part has been heard. */
	async function readAloud(page: Page): Promise<Heard[]> {
		const count = (await partsOf(page)).length;
		await page.evaluate(() => ((window as unknown as Recorder).heard.length = 0));
		const button = page.locator('[data-read-aloud]');
		expect(await button.isVisible(), page.url()).toBe(true);
		await button.click();
		await page.waitForFunction((n) => (window as unknown as Recorder).heard.length >= n, count, {
			timeout: 120_000
		});
		return page.evaluate(() => (window as unknown as Recorder).heard.slice());
	}

	/** Every server audio file a page played: found, MP3, and marked never to change. */
	async function checkAudio(page: Page, heard: Heard[]) {
		for (const { src } of heard) {
			const r = await page.request.get(src!);
			expect(r.status(), src).toBe(200);
			expect(r.headers()['content-type']).toBe('audio/mpeg');
			expect(r.headers()['cache-control']).toContain('immutable');
			const body = await r.body();
			expect(body[0]).toBe(0xff);
			expect(body.length).toBeGreaterThan(500);
		}
	}

	/** Reads the page and checks it was read part by part, the device's way or the server's. */
	async function hear(page: Page, locale: Locale, way: 'voice' | 'audio'): Promise<string[]> {
		const parts = await partsOf(page);
		const heard = await readAloud(page);
		expect(heard.length, page.url()).toBe(parts.length);
		if (way === 'voice') {
			expect(heard.map((h) => h.text)).toEqual(parts.map((p) => p.text));
			for (const h of heard) {
				expect([h.via, h.lang]).toEqual(['voice', locale]);
				expect(h.voice?.split('-')[0]).toBe(locale);
			}
		} else {
			// Each part has the server's audio; the files are played in the page's order.
			for (const p of parts) expect(p.speech, p.text).toMatch(/^[0-9a-f]{32}$/);
			expect(heard.map((h) => h.src)).toEqual(
				parts.map((p) => `${server.url}/speech/${p.speech}.mp3`)
			);
			await checkAudio(page, heard);
		}
		return parts.map((p) => p.text);
	}

	async function everyKindOfPage(locale: Locale, langs: string[], way: 'voice' | 'audio') {
		const page = await device(langs);
		const w = words[locale];
		const kinds = new Set<string>();
		const read: Record<string, string[]> = {};

		await page.goto(`${server.url}/code?lang=${locale}`);
		read.code = await hear(page, locale, way);
		// A code of the wrong shape (a different one each time: five tries per code are allowed).
		await page.fill('#code', `NO-${locale}-${way}`);
		await Promise.all([page.waitForNavigation(), page.press('#code', 'Enter')]);
		read.codeRefused = await hear(page, locale, way);

		for (const surveyId of surveys) {
			// The symbols survey has every kind of page but a few question types; the others are
			// walked for those alone.
			await page.goto(`${server.url}${links.get(surveyId)}?lang=${locale}`);
			if (!kinds.has('start')) read.start = await hear(page, locale, way);
			kinds.add('start');
			await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
			if (!kinds.has('refused')) {
				// The welcome comes first; "Who is helping you today?" after it, refused here once
				// when sent without an answer (opened by its address).
				kinds.add('question-html');
				read['question-html'] = await hear(page, locale, way);
				kinds.add('refused');
				await page.goto(`${server.url}/answer/helped`);
				await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
				read.refused = await hear(page, locale, way);
			}
			await completeSurvey(page, async (path) => {
				const typed = page.locator('[data-question-type]');
				const kind = (await typed.count())
					? `question-${await typed.getAttribute('data-question-type')}`
					: path.replace(/^\/answer\/(q\/)?/, '');
				if (kinds.has(kind)) return;
				kinds.add(kind);
				read[kind] = await hear(page, locale, way);
				if (locale === 'ur' && way === 'audio' && kind === 'question-html')
					await page.screenshot({ path: `${shots}/urdu-information.png`, fullPage: true });
			});
		}
		// The calm page after a worrying answer.
		await page.goto(`${server.url}${links.get('short-breaks-child-symbols')}?lang=${locale}`);
		await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
		await page.goto(`${server.url}/answer/q/feel_safe`);
		await page.check('input[value="no"]');
		await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
		expect(new URL(page.url()).pathname).toBe('/answer/support');
		read.support = await hear(page, locale, way);
		await page.close();

		expect(read.code).toEqual(w.code);
		// An error is read first, then the page.
		expect(read.codeRefused).toEqual([w.problem, w.malformed, ...w.code]);
		expect(read.start).toEqual(w.start);
		expect(read.refused!.slice(0, 2 + w.helped.length)).toEqual([
			w.problem,
			w.required,
			...w.helped
		]);
		// Paragraphs are parts of their own, never run together.
		expect(read['question-html']!.slice(0, 2)).toEqual(w.welcome);
		expect(read['question-html']!.length).toBe(7);
		expect(read.support!.at(-1)).toBe('0800 1111');
		for (const kind of [
			'helped',
			'question-radiogroup',
			'question-imagepicker',
			'question-comment',
			'question-checkbox',
			'question-rating',
			'question-boolean',
			'question-dropdown',
			'question-text',
			'finish',
			'thanks'
		])
			expect(read[kind]?.length, kind).toBeGreaterThan(1);
		return read;
	}

	describe.each(['en', 'pl', 'ur'] as const)('in %s', (locale) => {
		it('reads every kind of page with the device voice for the language', async () => {
			await everyKindOfPage(
				locale,
				['en-GB', 'pl-PL', 'ur-PK'].filter((l) => l.startsWith(locale)),
				'voice'
			);
		});

		it('plays the server speech on every kind of page where the device has no voices', async () => {
			await everyKindOfPage(locale, [], 'audio');
		});
	});

	it('uses the server speech on a Polish or Urdu page when the device speaks English only', async () => {
		for (const locale of ['pl', 'ur'] as const) {
			const page = await device(['en-GB', 'en-US']);
			await page.goto(`${server.url}/code?lang=${locale}`);
			const heard = await readAloud(page);
			expect(heard.map((h) => h.via)).toEqual(['audio', 'audio']);
			await checkAudio(page, heard);
			await page.close();
		}
	});

	it('plays a recording the survey names, and hides the button where nothing can read', async () => {
		const page = await device(['en-GB']);
		// The same page as served, with a recording named for its heading.
		await page.route(
			(url) => url.pathname === '/code',
			async (route) => {
				const served = await route.fetch();
				const html = (await served.text()).replace(
					'<label for="code"',
					'<label for="code" data-audio="/rec/code.mp3"'
				);
				await route.fulfill({ response: served, body: html });
			}
		);
		await page.goto(`${server.url}/code?lang=en`);
		const heard = await readAloud(page);
		expect(heard).toEqual([
			{ via: 'audio', src: `${server.url}/rec/code.mp3` },
			{ via: 'voice', text: words.en.code[1], lang: 'en', voice: 'en-GB' }
		]);
		await page.close();

		// A language with no server voice on a device with no voices: no button.
		const silent = await device([]);
		await silent.route(
			(url) => url.pathname === '/code',
			async (route) => {
				const served = await route.fetch();
				const html = (await served.text()).replace(/ data-speech="[0-9a-f]+"/g, '');
				await route.fulfill({ response: served, body: html });
			}
		);
		await silent.goto(`${server.url}/code?lang=pl`);
		expect(await silent.locator('[data-read-aloud]').isHidden()).toBe(true);
		await silent.close();
	});

	it('refuses a key no page registered', async () => {
		const r = await fetch(`${server.url}/speech/${'0'.repeat(32)}.mp3`);
		expect(r.status).toBe(404);
		expect((await fetch(`${server.url}/speech/hello.wav`)).status).toBe(404);
	});
});
