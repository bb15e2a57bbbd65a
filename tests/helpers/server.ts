import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Starts the built app (`node build`) as a real process on a free port, the way `npm start` does.

/** The built server: `build/`, or the mutation run's build when VOICES_BUILD_DIR names one. */
const entry = () => join(process.env.VOICES_BUILD_DIR || 'build', 'index.js');

export interface RunningServer {
	url: string;
	output: () => string;
	/** Sends SIGTERM; resolves with the exit code and how long the process took to end. */
	stop(): Promise<{ code: number | null; ms: number }>;
	/** Sends SIGKILL, as a crash or a pulled plug would end it; resolves once it has ended. */
	kill(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
		});
	});
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

function collect(child: ChildProcess): () => string {
	let text = '';
	child.stdout?.on('data', (d) => (text += d));
	child.stderr?.on('data', (d) => (text += d));
	return () => text;
}

/** Runs the built server until it prints that it listens, or fails with its output. */
export async function startServer(
	env: Record<string, string | undefined>,
	/** A port to listen on again (to restart a server at the same address); a free one if not. */
	fixedPort?: number
): Promise<RunningServer> {
	if (!existsSync(entry())) throw new Error(`No build at ${entry()}: run \`npm run build\` first`);
	const port = fixedPort ?? (await freePort());
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, [entry()], {
		env: {
			...process.env,
			DATABASE_URL: '',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			// Tests count answers exactly: no made-up demo responses unless a test asks for them.
			DEMO_RESPONSES: '0',
			// The tests' organisations and accounts are the demo's: asked for, as a newcomer's `npm start` does.
			DEMO_DATA: 'on',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = collect(child);
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);
	await new Promise<void>((resolve, reject) => {
		const timer = setInterval(() => {
			if (output().includes('Listening on')) {
				clearInterval(timer);
				resolve();
			}
		}, 50);
		void exited.then((code) => {
			clearInterval(timer);
			reject(new Error(`The server exited (${code}) before listening:\n${output()}`));
		});
	});
	return {
		url,
		output,
		stop: async () => {
			const started = Date.now();
			if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
			const code = await exited;
			return { code, ms: Date.now() - started };
		},
		kill: async () => {
			child.kill('SIGKILL');
			await exited;
		}
	};
}

/** Runs the built server expecting it to refuse to start; resolves with its exit code and output. */
export async function failingStart(
	env: Record<string, string | undefined>
): Promise<{ code: number | null; output: string }> {
	const port = await freePort();
	const child = spawn(process.execPath, [entry()], {
		env: { ...process.env, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const output = collect(child);
	const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
	const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
	clearTimeout(timer);
	return { code, output: output() };
}
