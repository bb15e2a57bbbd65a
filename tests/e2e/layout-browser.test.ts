import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/lib/server/db/service';
import * as invitations from '../../src/lib/server/invitations/links';
import { questionsOf } from '../../src/lib/server/surveys/walk';
import type { Json } from '../../src/lib/server/surveys/types';
import { browserAvailable, launch } from '../helpers/browser';
import { overflows } from '../helpers/overflow';
import { prepare } from '../helpers/prepare';
import { startServer, tempDir, type RunningServer } from '../helpers/server';

// Reflow (WCAG 1.4.10): at 320 CSS px nothing may need sideways scrolling, with the app's own
// display choices too. Every page of every survey in surveys/ is walked in every language,
// answering with the first choice (or a worrying one, to reach the page about who to talk to),
// and each page is looked at three ways: as it comes, with Bigger text, and with Bigger text and
// High contrast. The refused state of one question of each type is looked at too. A display
// choice is only classes on <html> (hooks.server.ts): the walk loads each page once and switches
// the classes in place, after checking once that the cookie gives those classes.

const shots = 'test-results/screenshots/layout';
const locales = ['en', 'pl', 'ur'] as const;
const displays = [
	{ name: 'as it comes', classes: '' },
	{ name: 'Bigger text', classes: 'display-large' },
	{ name: 'Bigger text + High contrast', classes: 'display-large display-contrast' }
];
const surveys = readdirSync('surveys')
	.filter((f) => f.endsWith('.json'))
	.map((f) => {
		const definition = JSON.parse(readFileSync(`surveys/${f}`, 'utf8')) as Json;
		const questions = questionsOf(definition);
		return {
			id: f.replace(/\.json$/, ''),
			child: definition.respondent === 'child',
			questions: questions.map((q) => String(q.name)),
			worrying: new Map(
				questions.map((q) => [String(q.name), (q.safeguardingAnswers as string[]) ?? []])
			)
		};
	});

describe.skipIf(!browserAvailable)('reflow at 320 px', () => {
	let server: RunningServer;
	let browser: BrowserContext;
	let page: Page;
	const links = new Map<string, string>();
	const shot = new Set<string>();

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		const env = { DATA_DIR: tempDir('voices-data-') };
		await prepare(env, async (app) => {
			const [svc] = await service.list(app.connection.db);
			for (const { id } of surveys) {
				const { token } = await invitations.issue(app.connection.db, {
					surveyId: id,
					serviceId: svc!.id,
					respondent: 'child',
					source: 'satisfaction_survey',
					expiresAt: new Date(Date.now() + 86400_000),
					isOpen: true
				});
				links.set(id, `/i/${token}`);
			}
		});
		server = await startServer(env);
		browser = await launch();
		// One page for every walk: each survey's own start gives it a fresh response.
		page = await browser.newPage();
		await page.setViewportSize({ width: 320, height: 640 });
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	const path = () => new URL(page.url()).pathname;

	/** Sends the page's form as a browser would, once `fill` (run in the page) has set its fields. */
	const post = (fill: () => Promise<unknown>) => Promise.all([page.waitForNavigation(), fill()]);
	const send = () =>
		post(() =>
			page.evaluate(() => document.querySelector<HTMLFormElement>('main form')!.requestSubmit())
		);

	/** The first choice (a worrying one where the question has it), or a few words typed. */
	const firstAnswer = (worrying: string[]) =>
		post(() =>
			page.evaluate((worrying) => {
				const form = document.querySelector('main form') as HTMLFormElement;
				const choices = [...form.querySelectorAll<HTMLInputElement>('.choice input')];
				const pick = choices.find((c) => worrying.includes(c.value)) ?? choices[0];
				if (pick) pick.checked = true;
				const text = form.querySelector<HTMLInputElement>('textarea, input[type=text]');
				if (text) text.value = 'Thank you';
				form.requestSubmit();
			}, worrying)
		);
	/** An answer the server refuses: a choice not on the page, or words past the length limit. */
	const refusedAnswer = () =>
		post(() =>
			page.evaluate(() => {
				const form = document.querySelector('main form') as HTMLFormElement;
				const choice = form.querySelector<HTMLInputElement>('.choice input');
				if (choice) {
					choice.value = 'not-a-choice';
					choice.checked = true;
				}
				const text = form.querySelector<HTMLInputElement>('textarea, input[type=text]');
				if (text) text.value = 'Thank you '.repeat(Math.ceil((text.maxLength + 1) / 10));
				form.requestSubmit();
			})
		);

	/** Looks at the page in front of it in each display: its language, then what spills over. */
	async function look(locale: string, label: string, problems: string[]) {
		const html = await page.evaluate(() => [
			document.documentElement.lang,
			document.documentElement.dir
		]);
		const dir = locale === 'ur' ? 'rtl' : 'ltr';
		if (html[0] !== locale || html[1] !== dir)
			problems.push(`${label}: <html lang="${html[0]}" dir="${html[1]}">`);
		for (const d of displays) {
			await page.evaluate((c) => (document.documentElement.className = c), d.classes);
			for (const o of await overflows(page)) problems.push(`${label} [${d.name}]: ${o}`);
			const kind = `${locale}-${label.replace(/^\/answer\/q\/\S*/, 'question').replace(/\W+/g, '_')}`;
			if (d.classes === 'display-large' && locale !== 'en' && !shot.has(kind)) {
				shot.add(kind);
				await page.screenshot({ path: `${shots}/${kind}.png`, fullPage: true });
			}
		}
	}

	it('gets the display classes from the display cookie, as the walk sets them', async () => {
		await browser.addCookies([{ name: 'display', value: 'large,contrast', url: server.url }]);
		await page.goto(`${server.url}/code`);
		expect(await page.getAttribute('html', 'class')).toBe(displays[2]!.classes);
		await browser.clearCookies({ name: 'display' });
		await page.reload();
		expect(await page.getAttribute('html', 'class')).toBe(displays[0]!.classes);
	});

	describe.each(locales)('in %s', (locale) => {
		it.each(surveys)(
			'$id: no page scrolls sideways, nothing reaches past the edge',
			{ timeout: 600_000 },
			async (survey) => {
				const problems: string[] = [];
				const asked = new Set<string>();
				const refusedTypes = new Set<string>();
				await page.goto(`${server.url}${links.get(survey.id)}?lang=${locale}`);
				await look(locale, `start of ${survey.id}`, problems);
				await send();
				for (let i = 0; i < 200 && path() !== '/answer/thanks'; i++) {
					const here = path();
					await look(locale, here, problems);
					if (here === '/answer/support') {
						await page.goto(`${server.url}/answer`);
						continue;
					}
					const name = decodeURIComponent(here.replace(/^\/answer\/q\//, ''));
					if (here.startsWith('/answer/q/')) asked.add(name);
					const typed = page.locator('[data-question-type]');
					const type = (await typed.count())
						? await typed.getAttribute('data-question-type')
						: here === '/answer/helped'
							? 'helped'
							: null;
					if (type && type !== 'html' && !refusedTypes.has(type)) {
						refusedTypes.add(type);
						const url = page.url();
						await refusedAnswer();
						if (!(await page.locator('.error-summary').count()))
							problems.push(`${here}: a refused answer showed no error`);
						await look(locale, `${here} refused`, problems);
						await page.goto(url);
					}
					await firstAnswer(survey.worrying.get(name) ?? []);
					if (path() === here) throw new Error(`Stuck on ${here}: ${problems.join('\n')}`);
				}
				await look(locale, '/answer/thanks', problems);
				expect(problems).toEqual([]);
				// The walk saw every question of the survey, so no page went unchecked.
				expect([...asked].sort()).toEqual([...survey.questions].sort());
			}
		);

		it('the start page, the code page (and its error) and the display page', async () => {
			const problems: string[] = [];
			for (const where of ['/', '/code', '/display?return=%2Fcode']) {
				await page.goto(`${server.url}${where}${where.includes('?') ? '&' : '?'}lang=${locale}`);
				await look(locale, where, problems);
			}
			await page.goto(`${server.url}/code?lang=${locale}`);
			await page.fill('#code', 'NOPE');
			await send();
			await look(locale, '/code refused', problems);
			expect(problems).toEqual([]);
		});
	});
});
