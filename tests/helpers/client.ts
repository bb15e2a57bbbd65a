/** A tiny browser stand-in for HTTP tests: keeps cookies, sends same-origin form posts. */
export class Client {
	cookies = new Map<string, string>();
	/**
	 * `extra` headers go with every request: a proxy's client address header, say, or the public
	 * address as `origin` when the server was given one (ORIGIN) other than `base`.
	 */
	constructor(
		private base: string,
		private extra: Record<string, string> = {}
	) {}

	private remember(res: Response) {
		for (const header of res.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const [name, ...rest] = pair!.split('=');
			this.cookies.set(name!.trim(), rest.join('='));
		}
	}

	private headers(): Record<string, string> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		return { cookie, accept: 'text/html', origin: this.base, ...this.extra };
	}

	async get(path: string): Promise<{ status: number; location: string | null; html: string }> {
		const res = await fetch(this.base + path, { headers: this.headers(), redirect: 'manual' });
		this.remember(res);
		return { status: res.status, location: res.headers.get('location'), html: await res.text() };
	}

	/** Follows redirects (as a browser would after a post) and returns the final page. */
	async follow(path: string): Promise<{ path: string; html: string }> {
		let current = path;
		for (let i = 0; i < 10; i++) {
			const r = await this.get(current);
			if (r.status < 300 || r.status >= 400) return { path: current, html: r.html };
			current = new URL(r.location!, this.base + current).pathname;
		}
		throw new Error('Too many redirects');
	}

	async post(path: string, fields: [string, string][]) {
		const body = new URLSearchParams(fields);
		const res = await fetch(this.base + path, {
			method: 'POST',
			headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
			body,
			redirect: 'manual'
		});
		this.remember(res);
		return { status: res.status, location: res.headers.get('location'), html: await res.text() };
	}
}

/** The hidden `version` value of a question page. */
export const versionOf = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1] ?? '';
