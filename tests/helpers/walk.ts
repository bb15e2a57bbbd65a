import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core with the WCAG 2.2 A and AA rule sets and axe's best practices (landmarks, one h1,
 * heading order, …); returns `rule: targets` for each violation.
 */
export async function axeViolations(page: Page): Promise<string[]> {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

/** How far the page scrolls sideways (0 when nothing overflows). */
export function sidewaysScroll(page: Page): Promise<number> {
	return page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
}

const focusedKind = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLInputElement | null;
		if (!el) return 'none';
		if (el.tagName === 'TEXTAREA') return 'text';
		if (el.tagName === 'BUTTON') return el.type === 'submit' ? 'submit' : 'button';
		if (el.tagName === 'INPUT') return el.type === 'text' ? 'text' : el.type;
		return 'other';
	});

/** Presses Tab until the focus is on something of `kinds`; returns what it reached. */
async function tabTo(page: Page, kinds: string[]): Promise<string> {
	for (let i = 0; i < 40; i++) {
		await page.keyboard.press('Tab');
		const kind = await focusedKind(page);
		if (kinds.includes(kind)) return kind;
	}
	throw new Error(`No ${kinds.join('/')} reachable by Tab on ${page.url()}`);
}

/**
 * Answers the page in front of it with the keyboard alone: the first answer (typing a few words
 * into a text box), then Tab to the button and Enter. Returns the path it was on.
 */
export async function answerWithKeyboard(page: Page, words = 'Thank you'): Promise<string> {
	const path = new URL(page.url()).pathname;
	const kind = await tabTo(page, ['radio', 'checkbox', 'text', 'submit']);
	if (kind === 'radio' || kind === 'checkbox') await page.keyboard.press('Space');
	if (kind === 'text') await page.keyboard.type(words);
	if (kind !== 'submit') await tabTo(page, ['submit']);
	await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
	return path;
}

/** Walks a survey to its thank-you page, calling `visit` on every page first. */
export async function completeSurvey(
	page: Page,
	visit: (path: string) => Promise<void> = async () => {},
	words?: string
): Promise<string[]> {
	const seen: string[] = [];
	for (let i = 0; i < 100; i++) {
		const path = new URL(page.url()).pathname;
		if (path === '/answer/thanks') {
			await visit(path);
			return seen;
		}
		await visit(path);
		seen.push(await answerWithKeyboard(page, words));
		if (new URL(page.url()).pathname === path && !(await page.locator('.error-summary').count())) {
			throw new Error(`Stuck on ${path}`);
		}
	}
	throw new Error('The survey did not end');
}
