// The little of oidc-provider (which ships no types) that tests/helpers/oidc.ts uses.
declare module 'oidc-provider' {
	import type { Server } from 'node:http';

	interface Grant {
		jti: string;
		addOIDCScope(scope: string): void;
		save(): Promise<string>;
	}

	export interface KoaContextWithOIDC {
		path: string;
		body: unknown;
		oidc: {
			client?: { clientId: string };
			session?: {
				accountId?: string;
				grantIdFor(clientId: string, grantId?: string): string | undefined;
			};
			provider: Provider;
		};
	}

	export interface Configuration {
		clients: Record<string, unknown>[];
		cookies: { keys: string[] };
		claims: Record<string, string[]>;
		features: Record<string, { enabled: boolean }>;
		pkce: { required: () => boolean };
		findAccount: (
			ctx: KoaContextWithOIDC,
			id: string
		) =>
			| { accountId: string; claims: () => Record<string, unknown> }
			| undefined
			| Promise<{ accountId: string; claims: () => Record<string, unknown> } | undefined>;
		loadExistingGrant: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
	}

	export default class Provider {
		constructor(issuer: string, configuration: Configuration);
		Grant: {
			new (init: { clientId: string; accountId: string }): Grant;
			find(id: string): Promise<Grant | undefined>;
		};
		use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): void;
		listen(port: number, host: string, callback: () => void): Server;
	}
}
