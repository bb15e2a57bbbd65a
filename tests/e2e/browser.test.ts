import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';

const pages = ['/', '/surveys', '/measures'];
const locales = ['en', 'pl', 'ur'];
const shots = 'test-results/screenshots';

describe.skipIf(!browserAvailable)('pages in Chromium', () => {
	let server: RunningServer;
	let browser: BrowserContext;
	let page: Page;

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({ DATA_DIR: tempDir('voices-data-') });
		browser = await launch();
		page = await browser.newPage();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.stop();
	});

	const open = async (path: string, locale: string, width = 1024) => {
		await page.setViewportSize({ width, height: 800 });
		await page.goto(`${server.url}${path}?lang=${locale}`);
	};

	describe.each(locales)('in %s', (locale) => {
		it.each(pages)('%s has no WCAG 2.2 AA violations (axe)', async (path) => {
			await open(path, locale);
			const result = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			const found = result.violations.map(
				(v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`
			);
			expect(found).toEqual([]);
			expect(await page.getAttribute('html', 'lang')).toBe(locale);
			expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ur' ? 'rtl' : 'ltr');
		});

		it.each(pages)('%s does not scroll sideways at 320 CSS px', async (path) => {
			await open(path, locale, 320);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			await page.screenshot({
				path: `${shots}/${path.replace(/\//g, '_') || '_'}-${locale}-320.png`,
				fullPage: true
			});
			expect(overflow).toBeLessThanOrEqual(0);
		});
	});

	it('lets a keyboard user skip to the content and reach every link', async () => {
		await open('/', 'en');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
			'Skip to main content'
		);
		await page.keyboard.press('Enter');
		expect(await page.evaluate(() => location.hash)).toBe('#main');
		const reached: string[] = [];
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Tab');
			reached.push(
				await page.evaluate(
					() => (document.activeElement as HTMLAnchorElement)?.getAttribute('href') ?? ''
				)
			);
		}
		expect(reached).toContain('./surveys');
		expect(reached).toContain('./measures');
		await page.screenshot({ path: `${shots}/home-en-desktop.png`, fullPage: true });
	});

	it('works with JavaScript turned off', async () => {
		const noScript = await launch({ javaScriptEnabled: false });
		try {
			const p = await noScript.newPage();
			await p.goto(`${server.url}/surveys?lang=pl`);
			expect(await p.locator('h1').textContent()).toBe('Kwestionariusze');
			await p.click('text=Polski');
			expect(await p.locator('section.survey').count()).toBe(5);
		} finally {
			await noScript.close();
		}
	});
});
