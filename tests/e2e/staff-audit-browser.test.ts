import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/staff-audit';

/** Each control's size and text size, to hold them to GOV.UK's (19px text, 40px or taller). */
const controlSizes = (page: Page, selector: string) =>
	page.locator(selector).evaluateAll((els) =>
		els.map((e) => {
			const r = e.getBoundingClientRect();
			return {
				id: e.id,
				height: Math.round(r.height),
				width: Math.round(r.width),
				right: Math.round(r.right),
				font: parseFloat(getComputedStyle(e).fontSize)
			};
		})
	);

// What an outside accessibility audit found on the staff pages, each checked in Chromium on the
// demo data: controls' sizes, focus after a change, keyboard access to what scrolls, headings and
// names, and words where the pages showed ids.
describe.skipIf(!browserAvailable)('staff pages after the accessibility audit, in Chromium', () => {
	let server: RunningServer;
	let browser: BrowserContext;

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({ DATA_DIR: tempDir('voices-data-'), DEMO_RESPONSES: '600' });
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	// Each authenticator code works once: a second sign-in waits for the next one.
	let lastCode = '';
	async function freshCode(key: string): Promise<string> {
		while (currentCode(key) === lastCode) await new Promise((r) => setTimeout(r, 500));
		lastCode = currentCode(key);
		return lastCode;
	}

	async function signIn(role: 'commissioner' | 'provider_manager' | 'administrator') {
		const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
		await browser.clearCookies();
		const page = await browser.newPage();
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email address').fill(account.email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		if (account.totp) {
			await page.getByLabel('6-digit code').fill(await freshCode(account.totp));
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Continue' }).click()
			]);
		}
		return page;
	}

	async function shoot(page: Page, name: string) {
		await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
	}

	it('sizes the dashboard filters like GOV.UK and holds the measure drop-down to the screen', async () => {
		const page = await signIn('commissioner');
		for (const width of [1280, 320]) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`${server.url}/staff/dashboard/trend`, { waitUntil: 'networkidle' });
			await page.getByText('Change filters').click();
			const controls = await controlSizes(page, '.filters select, .filters input[type=month]');
			expect(controls.map((c) => c.id)).toEqual(
				expect.arrayContaining(['period', 'from', 'to', 'provider', 'measure', 'quarters'])
			);
			for (const c of controls) {
				expect(c.height, `${c.id} at ${width}`).toBeGreaterThanOrEqual(40);
				expect(c.font, `${c.id} at ${width}`).toBeGreaterThanOrEqual(19);
			}
			// The measure's long names do not widen the page (1,696 px wide before).
			const measure = controls.find((c) => c.id === 'measure')!;
			expect(measure.right, `measure at ${width}`).toBeLessThanOrEqual(width);
			expect(await sidewaysScroll(page), `trend at ${width}`).toBe(0);
			await shoot(page, `trend-filters-${width}`);
		}
		// A month box has no placeholder (type=month takes none) but a hint it is described by.
		for (const id of ['from', 'to']) {
			const box = page.locator(`#${id}`);
			expect(await box.getAttribute('placeholder')).toBeNull();
			const hint = (await box.getAttribute('aria-describedby'))!.split(' ')[0]!;
			expect(await page.locator(`#${hint}`).textContent()).toContain('for example 2025-04');
		}
		await page.close();
	});

	it('moves focus to the heading of the new figures after "Show figures"', async () => {
		const page = await signIn('commissioner');
		for (const path of ['/staff/dashboard', '/staff/dashboard/compare', '/staff/dashboard/trend']) {
			// Once the page's script has run: the filters then navigate without reloading the page.
			await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
			await page.getByText('Change filters').click();
			await page.getByLabel('Provider').selectOption({ label: 'Riverside Short Breaks' });
			await page.getByRole('button', { name: 'Show figures' }).click();
			await page.waitForURL(/provider=/);
			// Focus lands on the heading that says whose figures these are, not on the page's top.
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 10_000 })
				.toBe('results');
			const heading = page.locator('#results');
			expect(await heading.evaluate((h) => h.tagName)).toBe('H2');
			expect(await heading.textContent(), path).toContain('Riverside Short Breaks');
			await page.waitForFunction(() => {
				const c = document.querySelector('figure.chart canvas') as HTMLCanvasElement | null;
				return !!c && c.width > 0 && c.toDataURL().length > 5000;
			});
			await shoot(page, `filtered-${path.split('/').pop()}-1280`);
		}
		await page.close();
	});

	it('writes every percentage on the dashboard with one decimal place', async () => {
		const page = await signIn('commissioner');
		// A whole-number target, so that at least one whole number is on the page.
		await page.goto(`${server.url}/staff/dashboard/targets`);
		await page.locator('[name="green-voice.communicate"]').fill('60');
		await page.locator('[name="amber-voice.communicate"]').fill('50');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Save targets' }).click()
		]);
		for (const path of ['/staff/dashboard', '/staff/dashboard/compare', '/staff/dashboard/trend']) {
			await page.goto(`${server.url}${path}`);
			// The figures' tables and the chart's summary (the key's "0% or 100%" are words, not figures).
			const text = (await page.locator('table.figures, figure.chart figcaption').allTextContents())
				.join(' ')
				.replaceAll('95% interval', 'interval');
			const percentages = text.match(/\d+(\.\d+)?%/g) ?? [];
			expect(percentages.length, path).toBeGreaterThan(0);
			expect(
				percentages.filter((p) => !/^\d+\.\d%$/.test(p)),
				path
			).toEqual([]);
			expect(text, path).toContain('60.0%');
		}
		await page.close();
	});
});
