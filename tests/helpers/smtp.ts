import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as it arrived at the test SMTP server. */
export interface Arrived {
	from: string;
	to: string[];
	subject: string;
	text: string;
	/** When its data had all arrived (`performance.now()` of this process), for benchmarks. */
	at: number;
}

export interface TestSmtp {
	/** smtp://127.0.0.1:<port>, for SMTP_URL. */
	url: string;
	/** Everything that arrived, in order. */
	arrived: Arrived[];
	/** Waits (polling, up to `timeoutMs`) until a message matching `match` has arrived. */
	waitFor(match: (m: Arrived) => boolean, timeoutMs?: number): Promise<Arrived>;
	close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 at a random port that keeps what it is sent: no TLS and no
 * sign-in (the app's transport is the real nodemailer talking real SMTP to it).
 */
export async function startSmtp(): Promise<TestSmtp> {
	const arrived: Arrived[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			let at = 0;
			stream.once('end', () => (at = performance.now()));
			simpleParser(stream)
				.then((mail) => {
					arrived.push({
						from: mail.from?.text ?? '',
						to: (session.envelope.rcptTo ?? []).map((r) => r.address),
						subject: mail.subject ?? '',
						text: mail.text ?? '',
						at
					});
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		arrived,
		async waitFor(match, timeoutMs = 30_000) {
			const until = Date.now() + timeoutMs;
			for (;;) {
				const found = arrived.find(match);
				if (found) return found;
				if (Date.now() > until)
					throw new Error(
						`No matching message arrived; got ${arrived.map((m) => m.subject).join(', ') || 'none'}`
					);
				await new Promise((r) => setTimeout(r, 50));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
