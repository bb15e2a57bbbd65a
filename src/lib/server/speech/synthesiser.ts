import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SPEECH_FORMAT } from '../../speech/voices';
import { speechWorker, type SpeechJob, type SpeechPackages } from './worker';

// Speech is made in one worker thread per app server, one text at a time, so the event loop that
// serves pages never waits for eSpeak (about a tenth of a second a sentence, more on a busy
// machine). The worker starts on the first request and does not keep the process alive.

const JOB_SECONDS = 60;

function packages(): SpeechPackages {
	const require = createRequire(import.meta.url);
	const espeak = require.resolve('espeak-ng');
	return {
		espeak: pathToFileURL(espeak).href,
		espeakWasm: join(dirname(espeak), 'espeak-ng.wasm'),
		encoder: pathToFileURL(require.resolve('wasm-media-encoders')).href
	};
}

interface Waiting {
	resolve(audio: Uint8Array<ArrayBuffer>): void;
	reject(e: Error): void;
	timer: NodeJS.Timeout;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 1;

function failAll(e: Error) {
	for (const [id, w] of waiting) {
		clearTimeout(w.timer);
		w.reject(e);
		waiting.delete(id);
	}
}

function started(): Worker {
	if (worker) return worker;
	// The function's text as compiled here; esbuild (tsx) wraps named functions in `__name`.
	const source = `var __name = (f) => f;\n(${speechWorker.toString()})();`;
	const w = new Worker(source, { eval: true, workerData: packages() });
	w.unref();
	w.on('message', (m: { id: number; audio?: Uint8Array<ArrayBuffer>; error?: string }) => {
		const job = waiting.get(m.id);
		if (!job) return;
		waiting.delete(m.id);
		clearTimeout(job.timer);
		if (m.audio) job.resolve(m.audio);
		else job.reject(new Error(m.error ?? 'speech failed'));
	});
	const gone = (e: Error) => {
		if (worker === w) worker = undefined;
		failAll(e);
	};
	w.on('error', gone);
	w.on('exit', (code) => gone(new Error(`the speech worker stopped (${code})`)));
	worker = w;
	return w;
}

/** MP3 of `text` read by eSpeak NG's `voice` (SPEECH_FORMAT says how). */
export function synthesise(voice: string, text: string): Promise<Uint8Array<ArrayBuffer>> {
	const job: SpeechJob = {
		id: nextId++,
		voice,
		text,
		wordsPerMinute: SPEECH_FORMAT.wordsPerMinute,
		kbps: SPEECH_FORMAT.kbps
	};
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			waiting.delete(job.id);
			reject(new Error('speech took too long'));
		}, JOB_SECONDS * 1000);
		timer.unref();
		waiting.set(job.id, { resolve, reject, timer });
		started().postMessage(job);
	});
}

/** Stops the worker (tests, shutdown); the next request starts another. */
export async function stopSynthesiser(): Promise<void> {
	const w = worker;
	worker = undefined;
	if (w) await w.terminate();
}
