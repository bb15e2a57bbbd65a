import type { Page } from 'playwright-core';

/**
 * What spills past the sides of the viewport (WCAG 1.4.10 Reflow): the page's own sideways
 * scroll, then each element and each line of text that reaches past the left or right edge.
 * Text hidden on purpose (visually hidden, the skip link until focused) and whatever sits inside
 * a box that clips or scrolls its own content are left out. At most `limit` findings.
 */
export function overflows(page: Page, limit = 5): Promise<string[]> {
	return page.evaluate((limit) => {
		const root = document.documentElement;
		const width = root.clientWidth;
		const found: string[] = [];
		if (root.scrollWidth > width)
			found.push(`the page scrolls sideways by ${root.scrollWidth - width}px`);
		const hidden = (el: Element) => {
			if (el.closest('.visually-hidden, .skip-link')) return true;
			for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
				if (getComputedStyle(a).overflowX !== 'visible') return true;
			}
			return false;
		};
		const name = (el: Element) =>
			`${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
		const past = (r: DOMRect) => r.width > 0 && (r.right > width + 1 || r.left < -1);
		const edges = (r: DOMRect) => `${Math.round(r.left)}..${Math.round(r.right)} of ${width}px`;
		for (const el of document.body.querySelectorAll('*')) {
			if (found.length >= limit) return found;
			// The drawing inside a symbol is held by its box, which is checked itself.
			if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
			const r = el.getBoundingClientRect();
			if (past(r) && !hidden(el)) found.push(`${name(el)} reaches ${edges(r)}`);
		}
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		const range = document.createRange();
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (found.length >= limit) return found;
			const parent = node.parentElement;
			if (!node.textContent?.trim() || !parent || hidden(parent)) continue;
			range.selectNodeContents(node);
			for (const r of range.getClientRects()) {
				if (past(r)) {
					found.push(`text "${node.textContent.trim().slice(0, 40)}" reaches ${edges(r)}`);
					break;
				}
			}
		}
		return found;
	}, limit);
}
