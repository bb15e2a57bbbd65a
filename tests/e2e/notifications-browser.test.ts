import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/lib/server/demo/accounts';
import * as invitations from '../../src/lib/server/invitations/links';
import { browserAvailable, launch } from '../helpers/browser';
import { prepare } from '../helpers/prepare';
import { startServer, tempDir, type RunningServer } from '../helpers/server';
import { startSmtp, type Arrived, type TestSmtp } from '../helpers/smtp';
import { axeViolations, completeSurvey, sidewaysScroll } from '../helpers/walk';

const shots = 'test-results/screenshots/notifications';
const CHILD = { name: 'Zebedee', reference: 'ZQ-4471' };

// The safeguarding path end to end, in Chromium against the built app and a real SMTP server: a
// child answers "I feel safe: no" → the lead's mail arrives, with nothing about the child and a
// link that works → the lead signs in and acknowledges → another alert, left unacknowledged,
// escalates to the provider's manager once its due time has passed. Time is moved by setting the
// alerts' due times into the past while the server is stopped, then the five-minute check runs
// (every minute here, JOB_TEST_SCHEDULE) after the restart; nothing sleeps for it.
describe.skipIf(!browserAvailable)(
	'safeguarding notifications in Chromium',
	{ timeout: 300_000 },
	() => {
		let smtp: TestSmtp;
		let server: RunningServer;
		let browser: BrowserContext;
		let env: Record<string, string>;
		const codes: string[] = [];

		beforeAll(async () => {
			mkdirSync(shots, { recursive: true });
			smtp = await startSmtp();
			env = {
				DATA_DIR: tempDir('voices-data-'),
				SMTP_URL: smtp.url,
				MAIL_FROM: 'Voices <voices@council.example>',
				JOB_TEST_SCHEDULE: '* * * * *'
			};
			await prepare(env, async ({ connection: { db }, versionIds }) => {
				const service = await db
					.selectFrom('service')
					.selectAll()
					.where('name', '=', 'Riverside overnight breaks')
					.executeTakeFirstOrThrow();
				const child = await db
					.insertInto('child')
					.values({
						provider_id: service.provider_id,
						display_name: CHILD.name,
						reference: CHILD.reference
					})
					.returning('id')
					.executeTakeFirstOrThrow();
				for (let i = 0; i < 2; i++) {
					const issued = await invitations.issue(db, {
						surveyId: 'short-breaks-child-symbols',
						serviceId: service.id,
						childId: child.id,
						respondent: 'child',
						source: 'annual_review',
						expiresAt: new Date(Date.now() + 7 * 86400_000)
					});
					codes.push(issued.code!);
				}
				expect(versionIds.has('short-breaks-child-symbols')).toBe(true);
			});
			server = await startServer(env);
			browser = await launch();
		});
		afterAll(async () => {
			await browser?.close();
			await server?.stop();
			await smtp?.close();
		});

		/** The child types their code and answers, saying they do not feel safe. */
		async function answerWorried(code: string) {
			const tablet = await browser.newPage();
			await tablet.goto(`${server.url}/code`);
			await tablet.getByRole('textbox').fill(code);
			await Promise.all([tablet.waitForNavigation(), tablet.getByRole('button').last().click()]);
			await completeSurvey(tablet, async (path) => {
				if (path !== '/answer/q/feel_safe') return;
				await tablet.locator('input[value="no"]').check();
				await Promise.all([
					tablet.waitForNavigation(),
					tablet
						.getByRole('button', { name: /Next|Continue/ })
						.last()
						.click()
				]);
				expect(new URL(tablet.url()).pathname).toBe('/answer/support');
				await Promise.all([tablet.waitForNavigation(), tablet.locator('main a.button').click()]);
			});
			await tablet.close();
		}

		const alertLink = (m: Arrived) => {
			const found = new RegExp(`${server.url}/staff/alerts/([0-9a-f-]{36})`).exec(m.text);
			expect(found, m.text).not.toBeNull();
			return { url: found![0], id: found![1]! };
		};

		function expectNothingAboutTheChild(m: Arrived) {
			for (const text of [m.subject, m.text]) {
				expect(text).not.toContain(CHILD.name);
				expect(text).not.toContain(CHILD.reference);
				expect(text).not.toMatch(/I feel safe/i);
			}
		}

		async function signIn(page: Page, email: string) {
			await page.goto(`${server.url}/sign-in`);
			await page.getByLabel('Email address').fill(email);
			await page.getByLabel('Password').fill(DEMO_PASSWORD);
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Sign in' }).click()
			]);
			expect(new URL(page.url()).pathname).toBe('/staff');
		}

		it('tells the lead at once, and the manager when an alert is left past its due time', async () => {
			await answerWorried(codes[0]!);
			const first = await smtp.waitFor(
				(m) => m.subject === 'Safeguarding alert: please look at it now'
			);
			expect(first.to).toEqual(['staff@example.org']);
			expectNothingAboutTheChild(first);
			const a = alertLink(first);

			// The link works: the lead signs in, follows it and acknowledges the alert.
			const page = await browser.newPage();
			await signIn(page, 'staff@example.org');
			const opened = await page.goto(a.url);
			expect(opened?.status()).toBe(200);
			expect(await page.locator('main').textContent()).toContain(CHILD.name);
			await page.getByLabel('What was done').fill('Spoke with the child and their key worker.');
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Acknowledge alert' }).click()
			]);
			expect(await page.locator('[role=status]').textContent()).toContain('acknowledged');

			// What the lead will be sent: their own page, checked with axe, at 320 px and by keyboard.
			await page.goto(`${server.url}/staff/notifications`);
			expect(await axeViolations(page)).toEqual([]);
			expect(await page.locator('main').textContent()).toContain('cannot be turned off');
			await page.screenshot({ path: `${shots}/notifications.png`, fullPage: true });
			await page.setViewportSize({ width: 320, height: 800 });
			expect(await sidewaysScroll(page)).toBe(0);
			await page.screenshot({ path: `${shots}/notifications-320.png`, fullPage: true });
			await page.getByLabel(/Each morning/).focus();
			await page.keyboard.press('Space');
			await page.keyboard.press('Tab');
			await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
			expect(await page.locator('[role=status]').first().textContent()).toContain('saved');
			expect(await page.getByLabel(/Each morning/).isChecked()).toBe(false);
			await page.close();

			// A second worrying answer, which nobody acknowledges.
			await answerWorried(codes[1]!);
			const second = await smtp.waitFor(
				(m) => m.subject === 'Safeguarding alert: please look at it now' && m !== first
			);
			const b = alertLink(second);
			expect(b.id).not.toBe(a.id);

			// Time moves on: both alerts' due times are now in the past (the acknowledged one first).
			await server.stop();
			await prepare(env, async ({ connection: { db } }) => {
				await db
					.updateTable('safeguarding_alert')
					.set({ due_at: new Date(Date.now() - 7200_000) })
					.where('id', '=', a.id)
					.execute();
				await db
					.updateTable('safeguarding_alert')
					.set({ due_at: new Date(Date.now() - 3600_000) })
					.where('id', '=', b.id)
					.execute();
			});
			server = await startServer(env);
			const escalated = await smtp.waitFor(
				(m) => m.subject === 'Safeguarding alert not acknowledged in time',
				150_000
			);
			expect(escalated.to).toEqual(['manager@example.org']);
			expect(alertLink(escalated).id).toBe(b.id);
			expectNothingAboutTheChild(escalated);
			const escalations = smtp.arrived.filter((m) => m.subject === escalated.subject);
			expect(escalations).toHaveLength(1);
		});

		it('emails a reset link straight to the person, and says so', async () => {
			// Signed out of the lead's session (cookies are the host's, whatever the port).
			await browser.clearCookies();
			const page = await browser.newPage();
			await signIn(page, 'manager@example.org');
			await page.goto(`${server.url}/staff/users`);
			await Promise.all([
				page.waitForNavigation(),
				page.getByRole('button', { name: 'Reset link for Sam Staff' }).click()
			]);
			expect(await page.locator('[role=status]').textContent()).toContain(
				'We have emailed a one-time link to staff@example.org'
			);
			expect(await page.locator('main').textContent()).not.toContain('/reset/');
			const mail = await smtp.waitFor((m) => m.subject === 'Reset your password for Voices');
			expect(mail.to).toEqual(['staff@example.org']);
			const link = new RegExp(`${server.url}/reset/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
			expect(link, mail.text).toBeDefined();
			const opened = await page.goto(link!);
			expect(opened?.status()).toBe(200);
			expect(await page.getByLabel('New password').count()).toBe(1);
			await page.close();
		});
	}
);
