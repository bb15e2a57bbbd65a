import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations } from '../helpers/walk';

const shots = 'test-results/screenshots/staff';

// An administrator sees the scheduled jobs run, with JavaScript and without. The schedules are
// moved to every minute (JOB_TEST_SCHEDULE) so that a run shows without waiting for the night.
describe.skipIf(!browserAvailable)('the jobs page in Chromium', { timeout: 240_000 }, () => {
	let server: RunningServer;
	const browsers: BrowserContext[] = [];
	const admin = DEMO_ACCOUNTS.find((a) => a.role === 'administrator')!;

	beforeAll(async () => {
		mkdirSync(shots, { recursive: true });
		server = await startServer({
			DATA_DIR: tempDir('voices-data-'),
			JOB_TEST_SCHEDULE: '* * * * *'
		});
	});
	afterAll(async () => {
		for (const b of browsers) await b.close();
		await server?.stop();
	});

	async function signIn(): Promise<Page> {
		const browser = await launch();
		browsers.push(browser);
		const page = await browser.newPage();
		await page.goto(`${server.url}/sign-in`);
		await page.getByLabel('Email address').fill(admin.email);
		await page.getByLabel('Password').fill(DEMO_PASSWORD);
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Sign in' }).click()
		]);
		await page.getByLabel('6-digit code').fill(currentCode(admin.totp!));
		await Promise.all([
			page.waitForNavigation(),
			page.getByRole('button', { name: 'Continue' }).click()
		]);
		expect(new URL(page.url()).pathname).toBe('/staff');
		return page;
	}

	const row = (page: Page, job: string) => page.getByRole('row').filter({ hasText: job });

	it('shows each job, its schedule in London time, its last and next run', async () => {
		const page = await signIn();
		await page.locator('.staff-nav').getByRole('link', { name: 'Jobs' }).click();
		await page.waitForURL(/\/staff\/jobs$/);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
			'Scheduled and background jobs'
		);
		// The first tick comes within a minute: reload until both jobs have run.
		const end = Date.now() + 180_000;
		for (;;) {
			const texts = await Promise.all(
				['retention.nightly', 'sign-in.clear-expired'].map((j) => row(page, j).textContent())
			);
			if (texts.every((t) => t && !t.includes('Not yet'))) break;
			if (Date.now() > end) throw new Error(`No run shown:\n${texts.join('\n')}`);
			await page.waitForTimeout(2000);
			await page.reload();
		}
		const retention = (await row(page, 'retention.nightly').textContent())!;
		expect(retention).toContain('Every minute (Europe/London time)');
		expect(retention).not.toContain('failed');
		expect(await page.locator('main').textContent()).toContain('No job has failed.');
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: `${shots}/jobs.png`, fullPage: true });
	});

	it('works without JavaScript', async () => {
		// The same session (an authenticator code is taken once only), in a browser without scripts.
		const plain = await launch({ javaScriptEnabled: false });
		browsers.push(plain);
		await plain.addCookies(await browsers[0]!.cookies());
		const page = await plain.newPage();
		await page.goto(`${server.url}/staff/jobs`);
		expect(await row(page, 'sign-in.clear-expired').count()).toBe(1);
		expect(await page.locator('main').textContent()).toContain('This server runs');
	});
});
