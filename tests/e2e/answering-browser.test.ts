import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as service from '../../src/lib/server/db/service';
import * as invitations from '../../src/lib/server/invitations/links';
import { browserAvailable, launch } from '../helpers/browser';
import { prepare } from '../helpers/prepare';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { htmlErrors } from '../helpers/vnu';
import { axeViolations, completeSurvey, sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/answering';
const surveys = [
	'short-breaks-child-symbols',
	'short-breaks-child-standard',
	'short-breaks-carer',
	'childrens-home-child',
	'end-of-care-package-review'
];

describe.skipIf(!browserAvailable)('answering in Chromium', () => {
	let server: RunningServer;
	let browser: BrowserContext;
	const links = new Map<string, string>();
	/** Each kind of page as served (and each page shown after a refused post), for the validator. */
	const served: { name: string; html: string }[] = [];
	const keep = async (page: Page, name: string, asShown = false) =>
		served.push({
			name,
			html: asShown
				? await page.content()
				: await page.evaluate(() => fetch(location.href).then((r) => r.text()))
		});

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		const env = { DATA_DIR: tempDir('voices-data-') };
		// An open link per survey: each opening starts a new response, so every test gets its own.
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

	async function open(surveyId: string, locale: string, context = browser): Promise<Page> {
		const page = await context.newPage();
		await page.goto(`${server.url}${links.get(surveyId)}?lang=${locale}`);
		await page.getByRole('button').last().press('Enter');
		await page.waitForURL(/\/answer\//);
		return page;
	}

	it.each(surveys)('%s can be completed with the keyboard alone', async (surveyId) => {
		const page = await open(surveyId, 'en');
		const visited = await completeSurvey(page);
		expect(visited.length).toBeGreaterThan(3);
		expect(await page.locator('h1').textContent()).toBe('Thank you');
		await page.close();
	});

	it('can be completed in Urdu, right to left, with every page in Urdu', async () => {
		const page = await open('childrens-home-child', 'ur');
		await completeSurvey(
			page,
			async (path) => {
				expect(await page.getAttribute('html', 'dir'), path).toBe('rtl');
				expect(await page.getAttribute('html', 'lang'), path).toBe('ur');
				if (path.endsWith('feel_safe_where_i_live')) {
					await page.screenshot({ path: `${shots}/urdu-question.png`, fullPage: true });
				}
			},
			'شکریہ'
		);
		expect(await page.locator('h1').textContent()).toBe('شکریہ');
		await page.close();
	});

	it('can be completed with JavaScript turned off', async () => {
		const noScript = await launch({ javaScriptEnabled: false });
		try {
			const page = await open('short-breaks-carer', 'pl', noScript);
			await completeSurvey(page);
			expect(await page.locator('h1').textContent()).toBe('Dziękujemy');
		} finally {
			await noScript.close();
		}
	});

	describe.each(['en', 'pl', 'ur'])('every kind of page in %s', (locale) => {
		it.each(surveys)(
			'%s: no axe violations and no sideways scrolling at 320 px',
			async (surveyId) => {
				const page = await open(surveyId, locale);
				const problems: string[] = [];
				const kinds = new Set<string>();
				await completeSurvey(page, async (path) => {
					const typed = page.locator('[data-question-type]');
					const kind = (await typed.count())
						? `question-${await typed.getAttribute('data-question-type')}`
						: path.replace(/^\/answer\/(q\/)?/, '');
					if (kinds.has(kind)) return;
					kinds.add(kind);
					await keep(page, `${locale} ${surveyId} ${path}`);
					problems.push(...(await axeViolations(page)).map((v) => `${path}: ${v}`));
					await page.setViewportSize({ width: 320, height: 640 });
					const overflow = await sidewaysScroll(page);
					if (overflow > 0) problems.push(`${path}: scrolls sideways by ${overflow}px at 320px`);
					if (locale === 'en') {
						await page.screenshot({
							path: `${shots}/${surveyId}-${kind.replace(/\W+/g, '_')}-320.png`,
							fullPage: true
						});
					}
					await page.setViewportSize({ width: 1024, height: 800 });
				});
				expect(problems).toEqual([]);
				expect(kinds.size).toBeGreaterThan(3);
				await page.close();
			}
		);

		it('the code page and an error shown are accessible', async () => {
			const page = await browser.newPage();
			await page.goto(`${server.url}/?lang=${locale}`);
			await keep(page, `${locale} start page`);
			await page.goto(`${server.url}/code?lang=${locale}`);
			await keep(page, `${locale} /code`);
			expect(await axeViolations(page)).toEqual([]);
			await page.fill('#code', 'NOPE');
			await Promise.all([page.waitForNavigation(), page.press('#code', 'Enter')]);
			expect(await page.title()).toMatch(/^\S+:/);
			expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#code');
			await keep(page, `${locale} /code refused`, true);
			expect(await axeViolations(page)).toEqual([]);
			if (locale === 'en')
				await page.screenshot({ path: `${shots}/code-error.png`, fullPage: true });
			const q = await open('short-breaks-child-symbols', locale);
			// The welcome comes first; who is helping is the first question that must be answered.
			expect(new URL(q.url()).pathname).toBe('/answer/q/welcome');
			await q.goto(`${server.url}/answer/helped`);
			await Promise.all([
				q.waitForNavigation(),
				q.getByRole('button', { name: /./ }).last().click()
			]);
			expect(await q.locator('.error-summary').count()).toBe(1);
			await keep(q, `${locale} a question refused`, true);
			// Every answer of a refused question says so, not only the summary.
			for (const input of await q.locator('input[name=answer]').all())
				expect(await input.getAttribute('aria-invalid')).toBe('true');
			expect(await axeViolations(q)).toEqual([]);
			if (locale === 'en')
				await q.screenshot({ path: `${shots}/question-error.png`, fullPage: true });
			// A worrying answer: the calm page about who to talk to.
			await q.goto(`${server.url}/answer/q/feel_safe`);
			// The back link is read as its word alone, without the arrow drawn before it.
			const back = { en: 'Back', pl: 'Wstecz', ur: 'واپس' }[locale]!;
			expect(await q.locator('.back-link').ariaSnapshot()).toMatch(new RegExp(`^- link "${back}"`));
			await q.check('input[value="no"]');
			await Promise.all([q.waitForNavigation(), q.click('button[type=submit]')]);
			expect(new URL(q.url()).pathname).toBe('/answer/support');
			await keep(q, `${locale} /answer/support`);
			expect(await axeViolations(q)).toEqual([]);
			// The number reads 0800 1111 in every language: right to left, its two groups would swap.
			const groups = await q.locator('.phone').evaluate((a) => {
				const text = a.firstChild!;
				const range = document.createRange();
				const left = (from: number) => {
					range.setStart(text, from);
					range.setEnd(text, from + 4);
					return range.getBoundingClientRect().left;
				};
				return [left(0), left(5)];
			});
			expect(groups[0]).toBeLessThan(groups[1]!);
			await q.setViewportSize({ width: 320, height: 640 });
			expect(await sidewaysScroll(q)).toBeLessThanOrEqual(0);
			if (locale === 'en') await q.screenshot({ path: `${shots}/support.png`, fullPage: true });
			await q.close();
			await page.close();
		});
	});

	it('says "Question n of m" with the question: in the group\'s name, or the field\'s description', async () => {
		const page = await open('short-breaks-child-symbols', 'en');
		await page.goto(`${server.url}/answer/q/voice_communicate`);
		expect(await page.getByRole('group', { name: /^Question 1 of 14 \S/ }).count()).toBe(1);
		await page.goto(`${server.url}/answer/q/anything_else`);
		const description = await page
			.locator('#answer-0')
			.evaluate((el) =>
				(el.getAttribute('aria-describedby') ?? '')
					.split(' ')
					.map((id) => document.getElementById(id)?.textContent?.trim())
			);
		expect(description[0]).toBe('Question 14 of 14');
		// Shown once, inside the form.
		expect(await page.locator('.progress').count()).toBe(1);
		expect(await page.locator('form .progress').count()).toBe(1);
		await page.close();
	});

	it('keeps buttons, and chosen and focused cards apart, in forced colours', async () => {
		const page = await open('short-breaks-child-symbols', 'en');
		await page.goto(`${server.url}/answer/helped`);
		await page.emulateMedia({ forcedColors: 'active' });
		const look = (selector: string) =>
			page
				.locator(selector)
				.first()
				.evaluate((el) => {
					const s = getComputedStyle(el);
					return {
						border: `${s.borderTopStyle} ${s.borderTopWidth}`,
						outline: `${s.outlineStyle} ${s.outlineWidth}`
					};
				});
		expect((await look('button[type=submit]')).border).toMatch(/^solid [1-9]/);
		// Tab reaches the first card unchosen: focused, not chosen.
		const first = page.locator('.choice input').first();
		for (let i = 0; i < 30; i++) {
			await page.keyboard.press('Tab');
			if (await first.evaluate((el) => el === document.activeElement)) break;
		}
		const focused = await look('.choice');
		await page.keyboard.press('Space');
		await page.locator('h1').click();
		const chosen = await look('.choice');
		expect(focused.outline).toMatch(/^dashed [1-9]/);
		expect(chosen.outline).toMatch(/^none/);
		expect(chosen.border).not.toBe(focused.border);
		// The safeguarding page's way back to the questions still reads as a button.
		await page.goto(`${server.url}/answer/q/feel_safe`);
		await page.check('input[value="no"]');
		await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
		expect((await look('a.button')).border).toMatch(/^solid [1-9]/);
		await page.screenshot({ path: `${shots}/support-forced-colours.png`, fullPage: true });
		await page.close();
	});

	it(
		'serves valid HTML on every kind of page, by the Nu HTML Checker',
		{ timeout: 120_000 },
		async () => {
			// The checker is the one that can fail: a heading inside a span is refused.
			const bad = '<!doctype html><html lang="en"><title>x</title><span><h1>x</h1></span></html>';
			expect(await htmlErrors([{ name: 'a known fault', html: bad }])).toHaveLength(1);
			expect(served.length).toBeGreaterThan(40);
			expect(await htmlErrors(served)).toEqual([]);
		}
	);
});
