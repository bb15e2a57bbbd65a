import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';

const run = promisify(execFile);
const jar = join(
	dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
	'build/dist/vnu.jar'
);

/**
 * The Nu HTML Checker's errors in each document, as `name: line N: message`: the validator the
 * W3C runs, on the machine's Java, over every document at once (one Java start).
 */
export async function htmlErrors(documents: { name: string; html: string }[]): Promise<string[]> {
	if (!documents.length) return [];
	const dir = mkdtempSync(join(tmpdir(), 'voices-vnu-'));
	try {
		const files = documents.map((d, i) => {
			const file = join(dir, `${i}.html`);
			writeFileSync(file, d.html);
			return file;
		});
		const { stdout } = await run(
			'java',
			['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files],
			{ maxBuffer: 64 * 1024 * 1024 }
		).catch((e: { stdout?: string; code?: number }) => {
			// The checker exits 1 when it finds errors; its report is still on stdout.
			if (e.code === 1 && e.stdout) return { stdout: e.stdout };
			throw e;
		});
		const report = JSON.parse(stdout) as {
			messages: { type: string; url: string; lastLine?: number; message: string }[];
		};
		return report.messages
			.filter((m) => m.type === 'error')
			.map((m) => {
				const index = Number(/(\d+)\.html$/.exec(m.url)?.[1]);
				return `${documents[index]?.name ?? m.url}: line ${m.lastLine ?? '?'}: ${m.message}`;
			});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
