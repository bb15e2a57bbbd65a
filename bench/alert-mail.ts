// `npm run bench:alert-mail`: how soon a safeguarding lead's mail leaves after a child's worrying
// answer is saved. The built app runs with a real SMTP server in this process (SMTP_URL); for each
// round, BENCH_CHILDREN (default 10 then 50) children walk a survey over HTTP to "I feel safe at
// my short break", all answer "No" at once, and each alert is timed from its answer's POST
// returning to the SMTP server having the whole message, while BENCH_BACKGROUND (default 10) other
// children answer surveys throughout, a page every BENCH_PAUSE_MS (default 100) each. The floor,
// in the same run and under the same load: as many mails sent at once by nodemailer from this
// process to the same SMTP server. PGlite, and PostgreSQL with BENCH_DATABASE_URL.
// Mails are matched to alerts by the link to the alert in them (they hold nothing about a child).
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import * as invitations from '../src/lib/server/invitations/links';
// The jobs' list first: it loads the notifications' jobs after the app they import.
import '../src/lib/server/jobs/all';
import { queueSchema } from '../src/lib/server/jobs/boss';
import { alertRaised } from '../src/lib/server/mail/texts';
import { tellLeadJob } from '../src/lib/server/notifications/jobs';
import { prepare } from '../tests/helpers/prepare';
import { startServer } from '../tests/helpers/server';
import { startSmtp, type Arrived, type TestSmtp } from '../tests/helpers/smtp';
import { background, Child } from './child';
import { onEachDatabase } from './load';

const rounds = (process.env.BENCH_CHILDREN ?? '10,50').split(',').map(Number);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 10);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 100);
const TIMEOUT_MS = Number(process.env.BENCH_MAIL_TIMEOUT_S ?? 300) * 1000;
/** Surveys each background child may start; a child stops when its share runs out. */
const BACKGROUND_SURVEYS = Number(process.env.BENCH_BACKGROUND_SURVEYS ?? 60);

const SERVICE = 'Riverside overnight breaks';
const QUESTION = '/answer/q/feel_safe';
const MAIL_FROM = 'Voices <voices@council.example>';
const SUBJECT = alertRaised('http://voices.example', { id: '', dueAt: new Date() }).subject;
const ALERT_ID = /\/staff\/alerts\/([0-9a-f-]{36})/;

/** Nearest rank: the p99 of 50 or fewer is the slowest one. */
const rank = (xs: number[], p: number) =>
	xs.length ? [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)]! : NaN;
const ms = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(0));
const wall = (at: number) => performance.timeOrigin + at;

/** The alert's id in a lead's mail: the link to it, the only thing in it that names anything. */
const alertIdOf = (m: Arrived) => (m.subject === SUBJECT ? ALERT_ID.exec(m.text)?.[1] : undefined);

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
	const until = Date.now() + timeoutMs;
	while (!done() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
}

/** The ids the floor's own mails carry, told apart from the app's. */
const floorIds = new Set<string>();
const appMails = (smtp: TestSmtp) =>
	new Set(smtp.arrived.map(alertIdOf).filter((id) => id && !floorIds.has(id))).size;

/** `n` mails at once from this process, with the app's text: sent → accepted, each. */
async function floor(smtp: TestSmtp, n: number, to: string): Promise<number[]> {
	const sender = nodemailer.createTransport(smtp.url);
	const sent = new Map<string, number>();
	await Promise.all(
		Array.from({ length: n }, async () => {
			const id = randomUUID();
			floorIds.add(id);
			const text = alertRaised('http://voices.example', { id, dueAt: new Date() });
			sent.set(id, performance.now());
			await sender.sendMail({ from: MAIL_FROM, to, subject: text.subject, text: text.body });
		})
	);
	await waitUntil(() => [...sent.keys()].every((id) => arrivedFor(smtp, id)), TIMEOUT_MS);
	sender.close();
	return [...sent].map(([id, at]) => (arrivedFor(smtp, id)?.at ?? NaN) - at);
}

const arrivedFor = (smtp: TestSmtp, id: string) => smtp.arrived.find((m) => alertIdOf(m) === id);

interface Round {
	size: number;
	links: { invitationId: string; link: string }[];
	/** When each child's worrying answer's POST returned, by invitation id. */
	saved: Map<string, number>;
	floor: number[];
	answersPerSecond: number;
}

/** One round: the children walk to the question, answer "No" together, then finish. */
async function round(
	r: Round,
	url: string,
	smtp: TestSmtp,
	/** App mails expected by the end of the round, counting earlier rounds'. */
	expected: number,
	load: { answers(): number }
) {
	const startedAt = performance.now();
	const before = load.answers();
	const children = r.links.map((l) => ({ ...l, child: new Child(url) }));
	await Promise.all(
		children.map(async ({ child, link }) => {
			await child.start(link);
			while (child.path !== QUESTION) await child.answer();
		})
	);
	await Promise.all(
		children.map(async ({ child, invitationId }) => {
			r.saved.set(invitationId, await child.answer(() => 'no'));
			if (child.path !== '/answer/support') throw new Error(`No support page: ${child.path}`);
		})
	);
	const finishing = Promise.all(
		children.map(async ({ child }) => {
			while (!child.finished) await child.answer();
		})
	);
	// Awaited below, after the mails: a failure meanwhile must not end the process unhandled,
	// which would leave the app server running.
	finishing.catch(() => undefined);
	await waitUntil(() => appMails(smtp) >= expected, TIMEOUT_MS);
	await finishing;
	r.answersPerSecond = ((load.answers() - before) * 1000) / (performance.now() - startedAt);
	r.floor = await floor(smtp, r.size, 'staff@example.org');
}

async function run(label: string, env: Record<string, string>) {
	const smtp = await startSmtp();
	const setup = await prepare(env, async ({ connection: { db } }) => {
		const service = await db
			.selectFrom('service')
			.select(['id', 'safeguarding_lead_id'])
			.where('name', '=', SERVICE)
			.executeTakeFirstOrThrow();
		if (!service.safeguarding_lead_id) throw new Error(`${SERVICE} has no safeguarding lead`);
		const link = async () => {
			const issued = await invitations.issue(db, {
				surveyId: 'short-breaks-child-symbols',
				serviceId: service.id,
				respondent: 'child',
				source: 'satisfaction_survey',
				expiresAt: new Date(Date.now() + 86400_000)
			});
			return { invitationId: issued.invitation.id, link: `/i/${issued.token}` };
		};
		const worried = [];
		for (const size of rounds) {
			const links = [];
			for (let i = 0; i < size; i++) links.push(await link());
			worried.push(links);
		}
		const others = [];
		for (let i = 0; i < BACKGROUND * BACKGROUND_SURVEYS; i++) others.push((await link()).link);
		return { worried, others };
	});
	// The five-minute check, the backstop for a lost job, would send whichever mails wait when its
	// tick comes round: moved to once a year, it leaves each mail to its own job.
	const server = await startServer({
		...env,
		SMTP_URL: smtp.url,
		MAIL_FROM,
		JOB_TEST_SCHEDULE: '0 0 1 1 *'
	});
	const done: Round[] = [];
	let load;
	try {
		load = background(server.url, setup.others, BACKGROUND, PAUSE_MS);
		await new Promise((r) => setTimeout(r, 2000));
		for (const [i, size] of rounds.entries()) {
			const r: Round = {
				size,
				links: setup.worried[i]!,
				saved: new Map(),
				floor: [],
				answersPerSecond: 0
			};
			const total = done.reduce((n, d) => n + d.size, 0) + size;
			await round(r, server.url, smtp, total, load);
			done.push(r);
		}
	} finally {
		const stopped = await load?.stop();
		await server.stop();
		if (stopped)
			console.log(
				`\n${label}: background surveys finished ${stopped.surveys}, errors ${stopped.errors}`
			);
	}
	const facts = await prepare(env, async ({ connection: { db } }) => {
		const jobs = `${await queueSchema(db)}.job`;
		const alerts = await db
			.selectFrom('safeguarding_alert')
			.innerJoin('response', 'response.id', 'safeguarding_alert.response_id')
			.select(['safeguarding_alert.id', 'response.invitation_id'])
			.execute();
		const { rows: started } = await sql<{ alert_id: string; started_on: Date | null }>`
			select data->>'alertId' as alert_id, started_on from ${sql.table(jobs)}
			where name = ${tellLeadJob.name}`.execute(db);
		return { alerts, started };
	});
	report(label, done, smtp, facts);
	await smtp.close();
}

function report(
	label: string,
	done: Round[],
	smtp: TestSmtp,
	facts: {
		alerts: { id: string; invitation_id: string | null }[];
		started: { alert_id: string; started_on: Date | null }[];
	}
) {
	console.log(
		`\n${label}: ${BACKGROUND} children answering in the background, a page every ${PAUSE_MS} ms each`
	);
	console.log(
		'| alerts at once | mails | missing | saved → accepted median ms | p99 ms | waiting for a worker (median) ms | sent by the five-minute check | nodemailer alone median ms | p99 ms | ratio median | ratio p99 | background answers/s |'
	);
	console.log('|' + ' ---: |'.repeat(12));
	for (const r of done) {
		const times: number[] = [];
		const waits: number[] = [];
		let missing = 0;
		let bySweep = 0;
		for (const { invitationId } of r.links) {
			const saved = r.saved.get(invitationId)!;
			const alert = facts.alerts.find((a) => a.invitation_id === invitationId);
			const mail = alert && arrivedFor(smtp, alert.id);
			if (!mail) {
				missing++;
				continue;
			}
			times.push(mail.at - saved);
			// Its job had not started when the mail arrived: the five-minute check sent it.
			const started = facts.started.find((j) => j.alert_id === alert.id)?.started_on;
			const at = started ? new Date(started).getTime() : Infinity;
			if (at <= wall(mail.at)) waits.push(at - wall(saved));
			else bySweep++;
		}
		const [m, p] = [rank(times, 0.5), rank(times, 0.99)];
		const [fm, fp] = [rank(r.floor, 0.5), rank(r.floor, 0.99)];
		console.log(
			`| ${r.size} | ${times.length} | ${missing} | ${ms(m)} | ${ms(p)} | ${ms(rank(waits, 0.5))} | ${bySweep} | ${fm.toFixed(1)} | ${fp.toFixed(1)} | ${(m / fm).toFixed(0)} | ${(p / fp).toFixed(0)} | ${r.answersPerSecond.toFixed(0)} |`
		);
	}
}

await onEachDatabase(run);
