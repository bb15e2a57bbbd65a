import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCode } from '../../src/lib/server/auth/totp';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import type { Role } from '../../src/lib/domain/roles';
import { browserAvailable, launch } from '../helpers/browser';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { axeViolations, sidewaysScroll } from '../helpers/walk';

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

/** Every box that scrolls sideways, and every region: how the keyboard reaches it, its name. */
const scrolling = (page: Page) =>
	page.evaluate(() => {
		const nameOf = (e: Element) =>
			e.getAttribute('aria-label') ??
			(e.getAttribute('aria-labelledby') ?? '')
				.split(' ')
				.map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
				.join(' ')
				.trim();
		const describe = (e: Element) => ({
			tabindex: e.getAttribute('tabindex'),
			role: e.getAttribute('role'),
			name: nameOf(e)
		});
		const scrolls = [...document.querySelectorAll('main *')].filter((e) => {
			const x = getComputedStyle(e).overflowX;
			return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1;
		});
		return {
			scrollers: scrolls.map(describe),
			regions: [...document.querySelectorAll('[role=region]')].map(nameOf)
		};
	});

// What an outside accessibility audit found on the staff pages, each checked in Chromium on the
// demo data: controls' sizes, focus after a change, keyboard access to what scrolls, headings and
// names, and words where the pages showed ids.
describe.skipIf(!browserAvailable)(
	'staff pages after the accessibility audit, in Chromium',
	{ timeout: 240_000 },
	() => {
		let server: RunningServer;
		// One browser for each role, signed in once: each authenticator code works only once, so a
		// second sign-in would wait for the next one.
		const browsers = new Map<Role, BrowserContext>();

		beforeAll(async () => {
			mkdirSync(shots, { recursive: true });
			server = await startServer({ DATA_DIR: tempDir('voices-data-'), DEMO_RESPONSES: '600' });
		});
		afterAll(async () => {
			for (const b of browsers.values()) await b.close();
			await server?.stop();
		});

		let lastCode = '';
		async function freshCode(key: string): Promise<string> {
			while (currentCode(key) === lastCode) await new Promise((r) => setTimeout(r, 500));
			lastCode = currentCode(key);
			return lastCode;
		}

		/** A new page in the role's browser, signed in the first time. */
		async function signIn(role: Role): Promise<Page> {
			let browser = browsers.get(role);
			const fresh = !browser;
			if (!browser) browsers.set(role, (browser = await launch()));
			const page = await browser.newPage();
			// The first figures after the server starts are worked out cold, on a shared machine.
			page.setDefaultTimeout(120_000);
			if (!fresh) return page;
			const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
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
			for (const path of [
				'/staff/dashboard',
				'/staff/dashboard/compare',
				'/staff/dashboard/trend'
			]) {
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
			for (const path of [
				'/staff/dashboard',
				'/staff/dashboard/compare',
				'/staff/dashboard/trend'
			]) {
				await page.goto(`${server.url}${path}`);
				// The figures' tables and the chart's summary (the key's "0% or 100%" are words, not figures).
				const text = (
					await page.locator('table.figures, figure.chart figcaption').allTextContents()
				)
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

		it('lets the keyboard reach and scroll every table wider than the screen, each named', async () => {
			const page = await signIn('commissioner');
			await page.setViewportSize({ width: 320, height: 800 });
			for (const path of ['/measures', '/staff/dashboard/compare', '/staff/dashboard/trend']) {
				await page.goto(`${server.url}${path}`);
				const { scrollers, regions } = await scrolling(page);
				expect(scrollers.length, path).toBeGreaterThan(0);
				for (const s of scrollers) expect(s, path).toMatchObject({ tabindex: '0', role: 'region' });
				expect(scrollers.filter((s) => !s.name)).toEqual([]);
				expect(new Set(regions).size, `${path}: ${regions.join(' | ')}`).toBe(regions.length);
				expect(await axeViolations(page), path).toEqual([]);
				// Tab reaches the first box that scrolls, and the arrow keys then scroll it.
				let reached = false;
				for (let i = 0; i < 60 && !reached; i++) {
					await page.keyboard.press('Tab');
					reached = await page.evaluate(() => {
						const e = document.activeElement;
						return !!e?.matches('.table-scroll') && e.scrollWidth > e.clientWidth + 1;
					});
				}
				expect(reached, path).toBe(true);
				await page.keyboard.press('ArrowRight');
				await expect
					.poll(() => page.evaluate(() => document.activeElement!.scrollLeft))
					.toBeGreaterThan(0);
				await shoot(page, `tables${path.replaceAll('/', '-')}-320`);
			}
			// The returns list names each provider's table: no two regions share a name.
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(`${server.url}/staff/returns`);
			const { regions } = await scrolling(page);
			expect(regions.length).toBeGreaterThan(2);
			expect(new Set(regions).size, regions.join(' | ')).toBe(regions.length);
			expect(await axeViolations(page)).toEqual([]);
			await page.close();
		});

		it('sizes and labels every target box', async () => {
			const page = await signIn('commissioner');
			await page.goto(`${server.url}/staff/dashboard/targets`);
			const boxes = await controlSizes(page, 'input.percent');
			expect(boxes.length).toBeGreaterThan(20);
			for (const b of boxes) {
				expect(b.height, b.id).toBeGreaterThanOrEqual(44);
				expect(b.font, b.id).toBeGreaterThanOrEqual(19);
			}
			const labels = await page
				.locator('input.percent')
				.evaluateAll((els) =>
					els.map((e) => [...(e as HTMLInputElement).labels!].map((l) => l.textContent))
				);
			for (const l of labels)
				expect(l).toEqual([expect.stringMatching(/^(Green|Amber) from \(%\): .+: .+/)]);
			await page
				.getByLabel(
					'Green from (%): My voice is heard: % of children and young people who report that they have the support they need to communicate their needs'
				)
				.fill('70');
			expect(await axeViolations(page)).toEqual([]);
			await shoot(page, 'targets-1280');
			await page.setViewportSize({ width: 320, height: 800 });
			await shoot(page, 'targets-320');
			await page.close();
		});

		it('moves focus to the error summary after a refused form, with and without JavaScript', async () => {
			const focused = (page: Page) =>
				page.evaluate(() => document.activeElement?.classList.contains('error-summary') ?? false);
			// A page without script: the summary's autofocus does it.
			const page = await signIn('provider_manager');
			await page.goto(`${server.url}/staff/children`);
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Add child' }).click()
			]);
			expect(await page.locator('.error-summary').textContent()).toContain('There is a problem');
			expect(await focused(page)).toBe(true);
			await shoot(page, 'children-error-1280');
			await page.close();

			// The dashboard's filters, which navigate without a reload: the summary takes focus there too.
			const dashboard = await signIn('commissioner');
			await dashboard.goto(`${server.url}/staff/dashboard`, { waitUntil: 'networkidle' });
			await dashboard.getByText('Change filters').click();
			await dashboard.getByLabel('Period').selectOption('custom');
			await dashboard.getByLabel('First month').fill('2025-09');
			await dashboard.getByLabel('Last month').fill('2025-04');
			await dashboard.getByRole('button', { name: 'Show figures' }).click();
			await dashboard.waitForURL(/from=2025-09/);
			await expect.poll(() => focused(dashboard), { timeout: 10_000 }).toBe(true);
			await dashboard.close();

			// With JavaScript off in the browser.
			const plain = await launch({ javaScriptEnabled: false });
			try {
				const p = await plain.newPage();
				p.setDefaultTimeout(120_000);
				const account = DEMO_ACCOUNTS.find((a) => a.role === 'provider_manager')!;
				await p.goto(`${server.url}/sign-in`);
				await p.getByLabel('Email address').fill(account.email);
				await p.getByLabel('Password').fill(DEMO_PASSWORD);
				await Promise.all([
					p.waitForNavigation(),
					p.getByRole('button', { name: 'Sign in' }).click()
				]);
				await p.goto(`${server.url}/staff/children`);
				await Promise.all([
					p.waitForNavigation(),
					p.getByRole('button', { name: 'Add child' }).click()
				]);
				expect(await focused(p)).toBe(true);
			} finally {
				await plain.close();
			}
		});

		it('gives the printable cards page an h1, and each card a heading for its title', async () => {
			const page = await signIn('provider_manager');
			await page.goto(`${server.url}/staff/invitations`);
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Create open link and card' }).click()
			]);
			expect(await page.locator('h1').count()).toBe(1);
			expect(await page.locator('h1').textContent()).toContain('1 card to print');
			const cards = page.locator('.invitation-card');
			expect(await cards.count()).toBe(1);
			expect(await cards.first().getByRole('heading', { level: 2 }).textContent()).toBe(
				'Tell us what you think'
			);
			expect(await axeViolations(page)).toEqual([]);
			await shoot(page, 'cards-1280');
			await page.setViewportSize({ width: 320, height: 800 });
			await shoot(page, 'cards-320');
			await page.close();
		});
	}
);
