import type { MessagePort } from 'node:worker_threads';

// The body of the speech worker thread. It is started from this function's source text
// (`new Worker(source, { eval: true })`), because the built server is one bundle with no worker
// file beside it: so it may use nothing but globals (the bundler rewrites `require` and
// `import()`, hence `process.getBuiltinModule` and a `Function`) and the packages whose
// addresses arrive in `workerData`. eSpeak NG (WebAssembly) writes a WAV file in its own memory; LAME
// (WebAssembly) turns it into a small MP3 at a constant bit rate.

export interface SpeechJob {
	id: number;
	voice: string;
	text: string;
	wordsPerMinute: number;
	kbps: number;
}

export interface SpeechPackages {
	espeak: string;
	espeakWasm: string;
	encoder: string;
}

export function speechWorker(): void {
	const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads') as {
		parentPort: MessagePort;
		workerData: SpeechPackages;
	};
	const fs = process.getBuiltinModule('node:fs');
	// A dynamic import the bundler leaves alone.
	const importModule = new Function('url', 'return import(url)') as <T>(url: string) => Promise<T>;
	type ESpeak = (options: object) => Promise<{ FS: { readFile(path: string): Uint8Array } }>;
	type Encoder = {
		configure(o: { channels: number; sampleRate: number; bitrate: number }): void;
		encode(samples: Float32Array[]): Uint8Array;
		finalize(): Uint8Array;
	};
	const tools = (async () => {
		const espeak = (await importModule<{ default: ESpeak }>(workerData.espeak)).default;
		const wasm = await WebAssembly.compile(fs.readFileSync(workerData.espeakWasm));
		const { createMp3Encoder } = await importModule<{ createMp3Encoder(): Promise<Encoder> }>(
			workerData.encoder
		);
		return { espeak, wasm, encoder: await createMp3Encoder() };
	})();

	/** The samples of eSpeak's WAV (16-bit mono PCM) as floats, and their rate. */
	function samplesOf(wav: Uint8Array): { rate: number; samples: Float32Array } {
		const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
		const rate = view.getUint32(24, true);
		let at = 12;
		while (at + 8 <= wav.length) {
			const id = String.fromCharCode(wav[at]!, wav[at + 1]!, wav[at + 2]!, wav[at + 3]!);
			const size = view.getUint32(at + 4, true);
			if (id === 'data') {
				const count = Math.floor(Math.min(size, wav.length - at - 8) / 2);
				const samples = new Float32Array(count);
				for (let i = 0; i < count; i++) samples[i] = view.getInt16(at + 8 + i * 2, true) / 32768;
				return { rate, samples };
			}
			at += 8 + size + (size % 2);
		}
		throw new Error('eSpeak NG made no sound');
	}

	async function make(job: SpeechJob): Promise<Uint8Array<ArrayBuffer>> {
		const { espeak, wasm, encoder } = await tools;
		const problems: string[] = [];
		// The text goes in a file, never on the command line, so no text is taken for an option.
		const run = await espeak({
			arguments: ['-b', '1', '-v', job.voice, '-s', String(job.wordsPerMinute)].concat([
				'-f',
				'/text.txt',
				'-w',
				'/speech.wav'
			]),
			preRun: [
				(m: { FS: { writeFile(path: string, data: string): void } }) =>
					m.FS.writeFile('/text.txt', job.text)
			],
			print: () => {},
			printErr: (line: string) => problems.push(line),
			instantiateWasm(
				imports: WebAssembly.Imports,
				done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void
			) {
				void WebAssembly.instantiate(wasm, imports).then((instance) => done(instance, wasm));
				return {};
			}
		});
		let wav: Uint8Array;
		try {
			wav = run.FS.readFile('/speech.wav');
		} catch {
			throw new Error(`eSpeak NG could not speak: ${problems.join(' ') || 'no output'}`);
		}
		const { rate, samples } = samplesOf(wav);
		encoder.configure({ channels: 1, sampleRate: rate, bitrate: job.kbps });
		const head = encoder.encode([samples]).slice();
		const tail = encoder.finalize().slice();
		const out = new Uint8Array(head.length + tail.length);
		out.set(head);
		out.set(tail, head.length);
		return out;
	}

	// One text at a time: each eSpeak run takes its own 32 MB of memory while it speaks.
	let queue: Promise<void> = Promise.resolve();
	parentPort.on('message', (job: SpeechJob) => {
		queue = queue.then(() =>
			make(job).then(
				(audio) => parentPort.postMessage({ id: job.id, audio }, [audio.buffer]),
				(e: unknown) => parentPort.postMessage({ id: job.id, error: String(e) })
			)
		);
	});
}
