import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Browser tests drive Debian's Chromium; no browser is ever downloaded. They run when Chromium is
// installed; BROWSER_TESTS=1 (set by .ci/run) makes a missing Chromium a failure, not a skip.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserRequired = process.env.BROWSER_TESTS === '1';
export const browserAvailable = existsSync(chromiumPath);

if (browserRequired && !browserAvailable) {
	throw new Error(`BROWSER_TESTS=1 but there is no Chromium at ${chromiumPath}`);
}

export function launch(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
	return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'voices-chromium-')), {
		executablePath: chromiumPath,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}
