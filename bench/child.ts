import { Client } from '../tests/helpers/client';
import { formsOf } from '../tests/helpers/forms';

// A child answering a survey over real HTTP, as a browser with JavaScript off does: each page's
// own form is posted with the values the page offers, and the redirect is followed.

/** Which of the offered answers to give at a step; a text box (nothing offered) gets words. */
export type Choose = (step: string, offered: string[]) => string;

/** The first answer offered everywhere: "alone", "yes", the first picture, a few words. */
export const firstAnswer: Choose = (_step, offered) => offered[0] ?? 'Thank you';

export class Child {
	private client: Client;
	private page = { path: '', html: '' };

	constructor(base: string) {
		this.client = new Client(base);
	}

	/**
	 * Loads a page, once more if the connection was dropped: on a machine this busy a kept-alive
	 * connection can be closed by the server just as the next request goes out. A GET is safe to
	 * repeat; a POST is never repeated.
	 */
	private async follow(path: string) {
		try {
			return await this.client.follow(path);
		} catch (e) {
			if (!(e instanceof TypeError)) throw e;
			return await this.client.follow(path);
		}
	}

	/** The path of the page in front of the child. */
	get path(): string {
		return this.page.path;
	}

	get finished(): boolean {
		return this.page.path === '/answer/thanks';
	}

	/** Opens an invitation link and presses Start. */
	async start(link: string): Promise<void> {
		const r = await this.client.post(link, []);
		if (r.status !== 303 || !r.location) throw new Error(`Start: ${r.status}`);
		this.page = await this.follow(r.location);
	}

	/**
	 * Answers the page in front of the child and moves on. Returns when the answer's POST returned
	 * (`performance.now()`): the answer is saved by then; the next page is loaded after.
	 */
	async answer(choose: Choose = firstAnswer): Promise<number> {
		const { path, html } = this.page;
		const form = formsOf(path, html).find((f) => f.method === 'post');
		if (!form) {
			// The page after a worrying answer (who to talk to) links back to the survey.
			if (path !== '/answer/support') throw new Error(`No form on ${path}`);
			this.page = await this.follow('/answer');
			return performance.now();
		}
		const step = form.fields.find((f) => f.name === 'step')?.values[0] ?? path;
		const fields = form.fields.flatMap((f): [string, string][] => {
			if (f.name === 'answer') return [['answer', choose(step, f.values)]];
			return f.values.length ? [[f.name, f.values[0]!]] : [];
		});
		const r = await this.client.post(form.action, fields);
		const saved = performance.now();
		if (r.status !== 303 || !r.location) throw new Error(`${step}: ${r.status}`);
		this.page = await this.follow(r.location);
		return saved;
	}
}

export interface Background {
	/** Answers saved so far, by all the background children together. */
	answers(): number;
	/** Stops each child after the page it is on; resolves with the surveys finished and errors. */
	stop(): Promise<{ surveys: number; errors: number }>;
}

/**
 * `count` children answering surveys through to the end one after another, each answer
 * `pauseMs` after the last page arrived, each survey through the next unused link of `links`.
 * A child stops when the links run out.
 */
export function background(base: string, links: string[], count: number, pauseMs: number) {
	let answers = 0;
	let surveys = 0;
	let errors = 0;
	let stopping = false;
	const pause = () => new Promise((r) => setTimeout(r, pauseMs));
	async function one() {
		for (let link = links.shift(); link && !stopping; link = links.shift()) {
			try {
				const child = new Child(base);
				await child.start(link);
				while (!child.finished && !stopping) {
					await pause();
					await child.answer();
					answers++;
				}
				if (child.finished) surveys++;
			} catch {
				errors++;
			}
		}
	}
	const running = Promise.all(Array.from({ length: count }, one));
	return {
		answers: () => answers,
		async stop() {
			stopping = true;
			await running;
			return { surveys, errors };
		}
	} satisfies Background;
}
