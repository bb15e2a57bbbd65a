import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CODE_LIMITS } from '../../src/lib/server/rate-limit';
import { databaseKinds } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';
import { serverTarget } from '../helpers/target';

// Behind a reverse proxy every request comes from the proxy's address. With adapter-node's
// ADDRESS_HEADER and XFF_DEPTH set (README: settings), the limits count the client's own address,
// so one child's wrong codes do not lock every other child out.

describe.each(databaseKinds)('limits behind a reverse proxy on %s', (kind) => {
	let server: RunningServer;
	let drop = async () => {};
	beforeAll(async () => {
		const target = await serverTarget(kind);
		drop = target.drop;
		server = await startServer({
			...target.env,
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		});
	});
	afterAll(async () => {
		await server?.stop();
		await drop();
	});

	// A proxy appends the address it saw: the last entry is the client's, whatever came before.
	const tryCode = (code: string, forwardedFor: string) =>
		fetch(`${server.url}/code`, {
			method: 'POST',
			headers: {
				origin: server.url,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				'x-forwarded-for': forwardedFor
			},
			body: new URLSearchParams({ code }),
			redirect: 'manual'
		}).then((r) => r.status);

	it('counts wrong codes per client address, not per proxy', async () => {
		const codes = Array.from(
			{ length: CODE_LIMITS.perAddress + 1 },
			(_, i) => `ACDEFG${'ACDEFGHJKMNPQRTUVWXY34679'[i]}${'ACDEFGHJKMNPQRTUVWXY34679'[i + 1]}`
		);
		const statuses = [];
		for (const code of codes) statuses.push(await tryCode(code, `10.9.9.9, 203.0.113.1`));
		expect(statuses.slice(0, CODE_LIMITS.perAddress).every((s) => s === 400)).toBe(true);
		expect(statuses.at(-1)).toBe(429);
		// A spoofed first entry does not help the same client…
		expect(await tryCode('QQQQQQQQ', '198.51.100.77, 203.0.113.1')).toBe(429);
		// …and another child behind the same proxy is not locked out.
		expect(await tryCode('QQQQQQQQ', '203.0.113.2')).toBe(400);
	});
});
