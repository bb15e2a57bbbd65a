import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { BrowserContext, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { EXPORT_COLUMNS } from '../../src/lib/server/exports/rows';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations, sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/dashboard';

/** The downloaded CSV as rows of fields (the export quotes names that hold commas or quotes). */
const csvRows = (text: string): string[][] => parse(text, { bom: true });

// A commissioner on the demo data: filters to a provider and a quarter, reads the table and the
// chart, downloads CSV and Excel and finds the page's figures in both.
describe.skipIf(!browserAvailable)('commissioner dashboard in Chromium', () => {
	let server: RunningServer;
	let browser: BrowserContext;

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({ DATA_DIR: tempDir('voices-data-'), DEMO_RESPONSES: '3000' });
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

	async function checkPage(page: Page, name: string) {
		expect(await axeViolations(page), name).toEqual([]);
		await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
	}

	it('filters, charts, tables and exports the same figures', async () => {
		const commissioner = DEMO_ACCOUNTS.find((a) => a.role === 'commissioner')!;
		const page = await browser.newPage();
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email address').fill(commissioner.email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		await page.getByLabel('6-digit code').fill(await freshCode(commissioner.totp!));
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Continue' }).click()
		]);
		await page.getByRole('link', { name: 'Dashboard' }).first().click();
		await page.waitForURL(/\/staff\/dashboard/);
		await checkPage(page, 'statements');

		// Filter with the plain form: a provider and the quarter before the default one.
		await page.getByText('Change filters').click();
		await page.getByLabel('Provider').selectOption({ label: 'Riverside Short Breaks' });
		const quarters = page.locator('#period optgroup[label="Financial quarters"] option');
		const quarter = await quarters.nth(2).getAttribute('value');
		await page.getByLabel('Period').selectOption(quarter!);
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Show figures' }).click()
		]);
		const url = new URL(page.url());
		expect(url.searchParams.get('period')).toBe(quarter);
		expect(url.searchParams.get('provider')).toBeTruthy();
		await expect
			.poll(() => page.locator('.lead').textContent())
			.toContain('Riverside Short Breaks');

		// The chart is drawn (chart.js loaded on this page) and the table holds the figures.
		await page.waitForFunction(() => {
			const c = document.querySelector('figure.chart canvas') as HTMLCanvasElement | null;
			return !!c && c.width > 0 && c.toDataURL().length > 5000;
		});
		const safeRow = page.locator('tr', { hasText: 'feel safe during their short break' });
		const cells = await safeRow.locator('td').allTextContents();
		const [percent, interval, ofAnswered] = cells.map((t) => t.trim());
		// A percentage (marked u when its interval is wide), c when hidden, z with no position taken.
		expect(percent).toMatch(/^(\d+(\.\d)?%(\u00a0u)?|c|z)$/);
		await checkPage(page, 'filtered');

		// CSV: the same row, the documented columns.
		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'CSV' }).click()
		]);
		const csv = csvRows(readFileSync((await csvDownload.path())!, 'utf8'));
		expect(csv[0]).toEqual([...EXPORT_COLUMNS]);
		const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name);
		const csvSafe = csv.find((r) => r[col('measure_id')] === 'safe.feel_safe')!;
		expect(csvSafe[col('provider')]).toBe('Riverside Short Breaks');
		const pageValue = (v: string) => (v === 'c' ? 'c' : v === 'z' ? '' : v.replace(/%.*$/, ''));
		// The page writes every percentage with one decimal place (78.0%); the files hold the number.
		const asPage = (v: unknown) =>
			typeof v === 'number' || /^\d/.test(String(v)) ? Number(v).toFixed(1) : String(v ?? '');
		expect(asPage(csvSafe[col('percent')])).toBe(pageValue(percent!));
		if (percent !== 'c' && percent !== 'z') {
			expect(`${asPage(csvSafe[col('ci_low')])}–${asPage(csvSafe[col('ci_high')])}%`).toBe(
				interval
			);
			expect(`${csvSafe[col('numerator')]} of ${csvSafe[col('denominator')]}`).toBe(ofAnswered);
		}
		expect(csv.length - 1).toBe(await page.locator('table.figures tbody tr').count());

		// Excel: the same again, numbers as numbers.
		const [xlsxDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Excel' }).click()
		]);
		const sheets = await readXlsxFile(readFileSync((await xlsxDownload.path())!));
		const rows = sheets[0]!.data;
		expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
		const xlsxSafe = rows.find((r) => r[col('measure_id')] === 'safe.feel_safe')!;
		expect(asPage(xlsxSafe[col('percent')])).toBe(pageValue(percent!));
		if (percent !== 'c' && percent !== 'z')
			expect(typeof xlsxSafe[col('denominator')]).toBe('number');

		// Targets: a wrong pair is refused with the GOV.UK error summary, a right one gives a status.
		await page.goto(`${server.url}/staff/dashboard/targets`);
		await page.locator('[name="green-safe.feel_safe"]').fill('60');
		await page.locator('[name="amber-safe.feel_safe"]').fill('75');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Save targets' }).click()
		]);
		expect(await page.locator('.error-summary').textContent()).toContain(
			'must be at or below its green target'
		);
		await checkPage(page, 'targets-error');
		await page.locator('[name="green-safe.feel_safe"]').fill('99.5');
		await page.locator('[name="amber-safe.feel_safe"]').fill('50');
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Save targets' }).click()
		]);
		expect(await page.getByRole('status').textContent()).toContain('Targets saved');
		await page.goto(`${server.url}/staff/dashboard${url.search}`);
		const status = (await safeRow.locator('td').allTextContents()).map((t) => t.trim());
		expect(status).toContain('99.5%');
		// The demo figures sit between 50% and 99.5%: amber, in words.
		expect(status).toContain(percent === 'c' ? '–' : 'Amber');

		// The other views pass axe too, and nothing scrolls sideways at 320 px.
		for (const [path, name] of [
			['/staff/dashboard/compare', 'compare'],
			['/staff/dashboard/trend', 'trend'],
			['/staff/dashboard?view=dorset', 'dorset'],
			['/staff/dashboard/targets', 'targets']
		] as const) {
			await page.goto(`${server.url}${path}`);
			await checkPage(page, name);
		}
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto(`${server.url}/staff/dashboard?breakdown=age_band`);
		expect(await sidewaysScroll(page)).toBe(0);
		await checkPage(page, 'narrow-breakdown');
	});

	it(
		'filters without JavaScript, with the same figures in the table',
		{ timeout: 60_000 },
		async () => {
			const commissioner = DEMO_ACCOUNTS.find((a) => a.role === 'commissioner')!;
			const plain = await launch({ javaScriptEnabled: false });
			try {
				const page = await plain.newPage();
				await page.goto(`${server.url}/sign-in`);
				await page.getByLabel('Email address').fill(commissioner.email);
				await page.getByLabel('Password').fill(DEMO_PASSWORD);
				await Promise.all([
					page.waitForNavigation(),
					page.getByRole('button', { name: 'Sign in' }).click()
				]);
				await page.getByLabel('6-digit code').fill(await freshCode(commissioner.totp!));
				await Promise.all([
					page.waitForNavigation(),
					page.getByRole('button', { name: 'Continue' }).click()
				]);
				await page.goto(`${server.url}/staff/dashboard`);
				await page.getByText('Change filters').click();
				await page.getByLabel('Break down by').selectOption('completion_mode');
				await page.getByLabel('An adult answered for them').uncheck();
				await Promise.all([
					page.waitForNavigation(),
					page.getByRole('button', { name: 'Show figures' }).click()
				]);
				const url = new URL(page.url());
				expect(url.searchParams.get('breakdown')).toBe('completion_mode');
				expect(url.searchParams.getAll('mode')).toEqual(['alone', 'helped']);
				const table = await page.locator('table.figures').first().textContent();
				expect(table).toContain('On their own');
				expect(table).toContain('With help');
				expect(table).not.toContain('An adult answered for them');
				expect(await page.locator('canvas').count()).toBe(1); // drawn only with JavaScript
				// (axe needs scripts to run, so this page is checked with JavaScript above.)
				await page.screenshot({ path: `${shots}/no-javascript.png`, fullPage: true });
			} finally {
				await plain.close();
			}
		}
	);
});
