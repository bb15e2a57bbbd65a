import type { Server } from 'node:http';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { freePort } from './server';

// A real OpenID provider (oidc-provider) on 127.0.0.1 for the sign-in tests, and a small browser
// that signs in at it. Its sign-in page is the library's development one: it takes any account
// id, and consent is given at once, as a council's provider does for its own apps.

export interface TestAccount {
	email: string;
	email_verified: boolean;
}

export interface TestClient {
	client_id: string;
	client_secret: string;
	redirect_uris: string[];
	/** Where the provider may send the browser after signing out (RP-Initiated Logout 1.0). */
	post_logout_redirect_uris?: string[];
}

export interface TestProvider {
	issuer: string;
	/** The next token responses carry this ID token instead of their own (null: their own). */
	replaceIdToken(token: string | null): void;
	/** The next token requests are answered with this HTTP status and no tokens (null: as usual). */
	failTokens(status: number | null): void;
	/** The next token requests wait this long before being answered (0: at once). */
	delayTokens(ms: number): void;
	/** How many times a browser was sent to the provider's end-session endpoint. */
	endSessions(): number;
	stop(): Promise<void>;
}

export async function startIdentityProvider(
	accounts: Record<string, TestAccount>,
	clients: TestClient[]
): Promise<TestProvider> {
	const port = await freePort();
	const issuer = `http://127.0.0.1:${port}`;
	const configuration: Configuration = {
		clients: clients.map((c) => ({
			...c,
			response_types: ['code'],
			grant_types: ['authorization_code']
		})),
		cookies: { keys: ['a test provider key, not a secret'] },
		claims: { openid: ['sub'], email: ['email', 'email_verified'] },
		features: { devInteractions: { enabled: true } },
		pkce: { required: () => true },
		findAccount: (_ctx, id) => {
			const account = accounts[id];
			if (!account) return undefined;
			return { accountId: id, claims: () => ({ sub: id, ...account }) };
		},
		// Consent is given for every client at once (the provider's own apps need none).
		loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
			const { client, session, provider } = ctx.oidc;
			if (!client || !session?.accountId) return undefined;
			const grantId = session.grantIdFor(client.clientId);
			if (grantId) return provider.Grant.find(grantId);
			const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
			grant.addOIDCScope('openid email');
			await grant.save();
			session.grantIdFor(client.clientId, grant.jti);
			return grant;
		}
	};
	const provider = new Provider(issuer, configuration);
	let replacement: string | null = null;
	let failure: number | null = null;
	let delay = 0;
	let ended = 0;
	provider.use(async (ctx, next) => {
		const http = ctx as unknown as { status: number; method: string };
		if (delay && ctx.path === '/token') await new Promise((r) => setTimeout(r, delay));
		if (failure && ctx.path === '/token') {
			http.status = failure;
			ctx.body = 'The provider is having a bad day';
			return;
		}
		if (ctx.path === '/session/end' && http.method === 'GET') ended++;
		await next();
		const body = ctx.body as { id_token?: string } | undefined;
		if (replacement && ctx.path === '/token' && body?.id_token)
			ctx.body = { ...body, id_token: replacement };
	});
	const server: Server = await new Promise((resolve) => {
		const s = provider.listen(port, '127.0.0.1', () => resolve(s));
	});
	return {
		issuer,
		replaceIdToken: (token) => (replacement = token),
		failTokens: (status) => (failure = status),
		delayTokens: (ms) => (delay = ms),
		endSessions: () => ended,
		stop: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				// Browsers' kept-alive connections would hold the server open.
				server.closeAllConnections();
			})
	};
}

/**
 * A browser at the provider: keeps the provider's cookies, follows its redirects, signs in as
 * `accountId` when asked, and stops at the first address outside the provider (the app's
 * callback, with the code or an error), which it returns.
 */
export class ProviderBrowser {
	private cookies = new Map<string, string>();
	/** How many times the provider asked for the person's sign-in. */
	logins = 0;

	constructor(private accountId: string) {}

	private async request(url: URL, body?: URLSearchParams): Promise<Response> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		const res = await fetch(url, {
			method: body ? 'POST' : 'GET',
			headers: {
				cookie,
				...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body,
			redirect: 'manual'
		});
		for (const header of res.headers.getSetCookie()) {
			const [pair] = header.split(';');
			const [name, ...rest] = pair!.split('=');
			this.cookies.set(name!.trim(), rest.join('='));
		}
		return res;
	}

	async signIn(start: string | URL): Promise<URL> {
		let url = new URL(start);
		const home = url.origin;
		for (let i = 0; i < 12; i++) {
			if (url.origin !== home) return url;
			let res = await this.request(url);
			if (res.status === 200 && url.pathname.startsWith('/interaction/')) {
				const html = await res.text();
				const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1] ?? 'login';
				if (prompt === 'login') this.logins++;
				const fields: Record<string, string> =
					prompt === 'login' ? { prompt, login: this.accountId, password: 'any' } : { prompt };
				res = await this.request(url, new URLSearchParams(fields));
			}
			const location = res.headers.get('location');
			if (!location) throw new Error(`The provider answered ${res.status} at ${url.pathname}`);
			url = new URL(location, url);
		}
		throw new Error('Too many redirects at the provider');
	}

	/**
	 * Follows the app's sign-out to the provider's end-session endpoint, says yes on its logout
	 * page, and returns the first address outside the provider it sends the browser to.
	 */
	async signOut(start: string | URL): Promise<URL> {
		let url = new URL(start);
		const home = url.origin;
		for (let i = 0; i < 6; i++) {
			if (url.origin !== home) return url;
			let res = await this.request(url);
			if (res.status === 200) {
				const html = await res.text();
				const form = /<form id="op.logoutForm" method="post" action="([^"]+)">/.exec(html);
				const xsrf = /name="xsrf" value="([^"]+)"/.exec(html);
				if (!form || !xsrf) throw new Error(`No logout form at ${url.pathname}`);
				url = new URL(form[1]!, url);
				res = await this.request(url, new URLSearchParams({ xsrf: xsrf[1]!, logout: 'yes' }));
			}
			const location = res.headers.get('location');
			if (!location) throw new Error(`The provider answered ${res.status} at ${url.pathname}`);
			url = new URL(location, url);
		}
		throw new Error('Too many redirects at the provider');
	}
}

/** Exchanges a code at the provider as `client` would, and returns the ID token it gets. */
export async function idTokenFor(
	issuer: string,
	client: TestClient,
	callback: URL,
	codeVerifier: string
): Promise<string> {
	const res = await fetch(`${issuer}/token`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`
		},
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code: callback.searchParams.get('code') ?? '',
			redirect_uri: client.redirect_uris[0]!,
			code_verifier: codeVerifier
		})
	});
	const body = (await res.json()) as { id_token?: string; error?: string };
	if (!body.id_token) throw new Error(`No ID token: ${body.error}`);
	return body.id_token;
}
