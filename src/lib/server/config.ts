import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { isReturnKind, RETURN_KIND_IDS, type ReturnKind } from '../domain/return-kinds';
import { DEFAULT_DUE_DAYS, MAX_DUE_DAYS, type ReturnDueDays } from './returns/deadlines';
import { DEFAULT_THRESHOLD, MAX_THRESHOLD } from './statistics/suppress';

/**
 * The settings, read from the environment once, at start (README.md lists them). Each is declared
 * once below with its default and what it allows; a wrong value stops the start with a message
 * naming it, and every wrong value is reported together. Unset or empty means the default.
 * Secrets (DATABASE_URL, SECRET_KEY, OIDC_CLIENT_SECRET, METRICS_TOKEN, SMTP_URL, NOTIFY_API_KEY) are
 * never repeated in a message.
 */

type Message = (issue: v.BaseIssue<unknown>) => string;

/** What follows the setting's name in a message: what it allows, then the value it was given. */
const got =
	(allowed: string): Message =>
	(issue) =>
		`${allowed}; got ${JSON.stringify(issue.input)}`;

/** A whole number from `min` to `max` (spaces around it are ignored). */
function wholeNumber(min: number, max: number) {
	const message = got(`must be a whole number from ${min} to ${max}`);
	return v.pipe(
		v.string(),
		// Digits only: Number() would take '2.5', '1e2', '0x10' and ' ' (as 0).
		v.regex(/^\s*\d+\s*$/, message),
		v.check((text) => Number(text) >= min && Number(text) <= max, message),
		v.transform(Number)
	);
}

const counted = (fallback: number, min: number, max: number) =>
	v.optional(wholeNumber(min, max), String(fallback));

/** A folder, relative to the folder the app is started in. */
const folder = v.pipe(
	v.string(),
	v.transform((path) => resolve(path))
);

const oneOf = <const T extends string>(options: readonly [T, ...T[]], fallback: T) =>
	v.optional(
		v.picklist(options, got(`must be ${options.map((o) => `"${o}"`).join(' or ')}`)),
		fallback
	);

const RETURN_DUE_DAYS_FORMAT =
	`must look like "monthly=10,quarterly=15,annual=20" ` +
	`(whole numbers of working days from 1 to ${MAX_DUE_DAYS})`;

/**
 * Reads RETURN_DUE_DAYS, e.g. "monthly=10,quarterly=15,annual=20"; any kind left out keeps its
 * default; blank gives the defaults. Anything else (unknown kind, not a whole number, 0, more than
 * 60, repeated kind) gives what is wrong, as text.
 */
function dueDaysFrom(value: string): ReturnDueDays | string {
	const days = { ...DEFAULT_DUE_DAYS };
	if (value.trim() === '') return days;
	const seen = new Set<ReturnKind>();
	for (const raw of value.split(',')) {
		const part = raw.trim();
		if (part === '') return 'there is an empty part';
		const eq = part.indexOf('=');
		if (eq < 0) return `"${part}" has no "="`;
		const kind = part.slice(0, eq).trim();
		const number = part.slice(eq + 1).trim();
		if (!isReturnKind(kind))
			return `"${kind}" in "${part}" is not a kind of return (use ${RETURN_KIND_IDS.join(', ')})`;
		if (seen.has(kind)) return `"${kind}" is given more than once`;
		seen.add(kind);
		if (!/^[0-9]+$/.test(number)) return `"${number}" in "${part}" is not a whole number`;
		const n = Number(number);
		if (n < 1 || n > MAX_DUE_DAYS)
			return `"${number}" in "${part}" is not from 1 to ${MAX_DUE_DAYS} working days`;
		days[kind] = n;
	}
	return days;
}

const returnDueDays = v.pipe(
	v.optional(v.string(), ''),
	v.rawTransform(({ dataset, addIssue, NEVER }) => {
		const read = dueDaysFrom(dataset.value);
		if (typeof read !== 'string') return read;
		addIssue({ message: `${RETURN_DUE_DAYS_FORMAT}; ${read} in ${JSON.stringify(dataset.value)}` });
		return NEVER;
	})
);

/** Addresses on this machine, the only ones an identity provider may be reached at over http. */
const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Entra ID's issuers for any tenant, which openid-client accepts tokens of any tenant from. */
const MULTI_TENANT = /^\/(common|organizations|consumers)(\/|$)/i;

/** OIDC_ISSUER: https, or http on this machine only (a test provider). */
const issuer = v.pipe(
	v.string(),
	v.check((text) => {
		if (!URL.canParse(text)) return false;
		const url = new URL(text);
		// Entra ID's shared issuers take every tenant's accounts: the council's own tenant only.
		if (url.hostname === 'login.microsoftonline.com' && MULTI_TENANT.test(url.pathname))
			return false;
		return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
	}, got("must be the identity provider's https address for the council's own accounts, like https://login.microsoftonline.com/<tenant id>/v2.0"))
);

/** SMTP_URL: smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start). */
const smtpUrl = v.pipe(
	v.string(),
	// The address may hold the mail account's password: never repeated in a message.
	v.check((text) => {
		if (!URL.canParse(text)) return false;
		const url = new URL(text);
		return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
	}, "must be the mail server's address, like smtp://user:password@mail.council.example:587 or smtps://mail.council.example")
);

/** MAIL_FROM: an address, or a name and an address, as a From line takes it. */
const mailFrom = v.pipe(
	v.string(),
	v.check(
		(text) =>
			/^(?:[^<>@\r\n]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/.test(
				text.trim()
			),
		got('must be an address mail is sent from, like "Voices <voices@council.example>"')
	)
);

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A GOV.UK Notify API key ends with the service id and the secret, each a UUID. */
const notifyKey = v.pipe(
	v.string(),
	v.check(
		(text) => new RegExp(`^[a-z0-9_-]+-${UUID}-${UUID}$`, 'i').test(text.trim()),
		"must be a GOV.UK Notify API key as Notify shows it (the key's name, then two long ids)"
	)
);

const templateId = v.pipe(
	v.string(),
	v.check(
		(text) => new RegExp(`^${UUID}$`, 'i').test(text.trim()),
		got("must be a GOV.UK Notify template's id, like 6f0b2d4e-1c3a-4b5d-8e7f-9a0b1c2d3e4f")
	)
);

/** A cron of five fields (minute hour day month weekday), like "* * * * *". */
const cron = v.pipe(
	v.string(),
	v.regex(
		/^\s*[\d*/,-]+(\s+[\d*/,-]+){4}\s*$/,
		got('must be a cron of five fields (minute hour day month weekday), like "* * * * *"')
	),
	v.transform((text) => text.trim())
);

/** METRICS_TOKEN: long enough not to be guessed; never repeated in the message. */
const metricsToken = v.pipe(
	v.string(),
	v.check(
		(text) => /^[\x21-\x7e]{24,}$/.test(text),
		'must be at least 24 characters, without spaces (make one with: openssl rand -hex 32)'
	)
);

/** The settings that turn on sign-in with the council's identity provider: all, or none. */
const OIDC_TOGETHER = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;

const Settings = v.object({
	DATABASE_URL: v.optional(v.string()),
	/** At most 100: PostgreSQL's own default limit is 100 connections in all. */
	DATABASE_POOL_SIZE: counted(10, 1, 100),
	DATA_DIR: v.optional(folder, 'data'),
	SURVEYS_DIR: v.optional(folder, 'surveys'),
	SYMBOLS_DIR: v.optional(folder),
	DEMO_DATA: oneOf(['on', 'off'], 'off'),
	THIS_IS_A_DEMO: oneOf(['yes', 'no'], 'no'),
	SECRET_KEY: v.optional(v.string()),
	PORT: v.optional(v.string(), '3000'),
	ORIGIN: v.optional(
		v.pipe(
			v.string(),
			v.check(
				(text) => URL.canParse(text),
				got('must be the public address, like https://voices.council.example')
			)
		)
	),
	SUPPRESSION_THRESHOLD: counted(DEFAULT_THRESHOLD, 1, MAX_THRESHOLD),
	DEMO_RESPONSES: counted(3000, 0, 9_999_999),
	RETURN_DUE_DAYS: returnDueDays,
	/** No longer than a staff session lasts at all (12 hours). */
	SESSION_IDLE_MINUTES: counted(30, 1, 720),
	/** A week at most: a link that works longer is a password lying in an inbox. */
	RESET_LINK_HOURS: counted(24, 1, 168),
	/** 0: due at once. */
	SAFEGUARDING_DUE_WORKING_DAYS: counted(1, 0, 30),
	/** Six years after the last activity by default; a hundred at most. */
	RETENTION_MONTHS: counted(72, 1, 1200),
	/** Under a day: pg-boss takes a job as lost after 24 hours at most. */
	JOB_TIMEOUT_SECONDS: counted(900, 5, 86_399),
	JOB_RETRY_DELAY_SECONDS: counted(60, 1, 3600),
	JOB_TEST_SCHEDULE: v.optional(cron),
	METRICS_TOKEN: v.optional(metricsToken),
	OIDC_ISSUER: v.optional(issuer),
	OIDC_CLIENT_ID: v.optional(v.string()),
	OIDC_CLIENT_SECRET: v.optional(v.string()),
	OIDC_NAME: v.optional(v.string()),
	SMTP_URL: v.optional(smtpUrl),
	MAIL_FROM: v.optional(mailFrom),
	NOTIFY_API_KEY: v.optional(notifyKey),
	NOTIFY_EMAIL_TEMPLATE_ID: v.optional(templateId),
	NOTIFY_SMS_TEMPLATE_ID: v.optional(templateId)
});

/** What is wrong with the mail settings taken together, or null. */
function mailProblem(s: v.InferOutput<typeof Settings>): string | null {
	if (s.SMTP_URL && s.NOTIFY_API_KEY)
		return 'Mail goes through SMTP_URL or NOTIFY_API_KEY (GOV.UK Notify), not both: unset one';
	if (s.SMTP_URL && !s.MAIL_FROM) return 'SMTP_URL needs MAIL_FROM, the address mail is sent from';
	if (s.NOTIFY_API_KEY && !s.NOTIFY_EMAIL_TEMPLATE_ID)
		return 'NOTIFY_API_KEY needs NOTIFY_EMAIL_TEMPLATE_ID, the email template whose subject is ((subject)) and whose message is ((body))';
	if (!s.NOTIFY_API_KEY && (s.NOTIFY_EMAIL_TEMPLATE_ID || s.NOTIFY_SMS_TEMPLATE_ID))
		return 'NOTIFY_EMAIL_TEMPLATE_ID and NOTIFY_SMS_TEMPLATE_ID need NOTIFY_API_KEY';
	return null;
}

/** How messages leave the app, or undefined when none are sent (SMTP_URL or NOTIFY_API_KEY). */
function mailSettings(s: v.InferOutput<typeof Settings>) {
	if (s.SMTP_URL && s.MAIL_FROM)
		return { transport: 'smtp' as const, url: s.SMTP_URL, from: s.MAIL_FROM.trim() };
	if (s.NOTIFY_API_KEY && s.NOTIFY_EMAIL_TEMPLATE_ID)
		return {
			transport: 'notify' as const,
			apiKey: s.NOTIFY_API_KEY.trim(),
			emailTemplateId: s.NOTIFY_EMAIL_TEMPLATE_ID.trim().toLowerCase(),
			/** Text messages (invitations to carers); undefined: email only. */
			smsTemplateId: s.NOTIFY_SMS_TEMPLATE_ID?.trim().toLowerCase()
		};
	return undefined;
}

/** Names the identity provider settings left out when some are given (none: all or none given). */
function oidcMissing(s: v.InferOutput<typeof Settings>): string | null {
	const missing = OIDC_TOGETHER.filter((name) => s[name] === undefined);
	const partly = missing.length < OIDC_TOGETHER.length || s.OIDC_NAME !== undefined;
	if (!partly || missing.length === 0) return null;
	return `Sign-in with an identity provider needs ${OIDC_TOGETHER.join(', ')} together; ${missing.slice(0, -1).join(', ')}${missing.length > 1 ? ' and ' : ''}${missing.at(-1)} ${missing.length === 1 ? 'is' : 'are'} not set`;
}

/** How staff sign in with the council's identity provider, or undefined when it is not set up. */
function oidcFrom(s: v.InferOutput<typeof Settings>) {
	if (!s.OIDC_ISSUER || !s.OIDC_CLIENT_ID || !s.OIDC_CLIENT_SECRET) return undefined;
	return {
		issuer: s.OIDC_ISSUER,
		clientId: s.OIDC_CLIENT_ID,
		clientSecret: s.OIDC_CLIENT_SECRET,
		/** The sign-in button's words (OIDC_NAME). */
		name: s.OIDC_NAME?.trim() || 'Sign in with your council account'
	};
}

function configFrom(s: v.InferOutput<typeof Settings>) {
	return {
		/** A PostgreSQL server; without it the embedded database in DATA_DIR. */
		databaseUrl: s.DATABASE_URL,
		/** Connections per app process to DATABASE_URL. */
		databasePoolSize: s.DATABASE_POOL_SIZE,
		dataDir: s.DATA_DIR,
		surveysDir: s.SURVEYS_DIR,
		symbolsDir: s.SYMBOLS_DIR,
		/** Add the demo organisations, accounts and codes to an empty database (DEMO_DATA=on). */
		demoData: s.DEMO_DATA === 'on',
		/** THIS_IS_A_DEMO=yes: demo accounts may be served at an https address (a public demo). */
		publicDemo: s.THIS_IS_A_DEMO === 'yes',
		/** SECRET_KEY: the application key; without it one is kept in DATA_DIR/secret-key. */
		secretKey: s.SECRET_KEY,
		origin: s.ORIGIN ?? `http://localhost:${s.PORT}`,
		/** Dashboard cells with fewer answers than this are shown as `c` (README: small numbers). */
		suppressionThreshold: s.SUPPRESSION_THRESHOLD,
		/** Made-up completed responses added with the demo data (DEMO_RESPONSES). */
		demoResponses: s.DEMO_RESPONSES,
		/** Working days after a period ends that each kind of return is due (RETURN_DUE_DAYS). */
		returnDueDays: s.RETURN_DUE_DAYS,
		/** Minutes without a request before a staff session ends (SESSION_IDLE_MINUTES). */
		sessionIdleMinutes: s.SESSION_IDLE_MINUTES,
		/** How long a one-time set-password link works (RESET_LINK_HOURS). */
		resetLinkHours: s.RESET_LINK_HOURS,
		/** Working days until a safeguarding alert is overdue (SAFEGUARDING_DUE_WORKING_DAYS). */
		safeguardingDueWorkingDays: s.SAFEGUARDING_DUE_WORKING_DAYS,
		/** Months identifiable data is kept after a child's last activity (RETENTION_MONTHS). */
		retentionMonths: s.RETENTION_MONTHS,
		/** The job queue (JOB_*): when a running job is taken as lost, the first wait to retry. */
		jobs: {
			timeoutSeconds: s.JOB_TIMEOUT_SECONDS,
			retryDelaySeconds: s.JOB_RETRY_DELAY_SECONDS,
			/** Every scheduled job on this cron instead of its own (trials and tests only). */
			testSchedule: s.JOB_TEST_SCHEDULE
		},
		/** The bearer token /metrics asks for (METRICS_TOKEN); undefined: no /metrics (404). */
		metricsToken: s.METRICS_TOKEN,
		/** Sign-in with the council's identity provider (OIDC_*); undefined: passwords only. */
		oidc: oidcFrom(s),
		/** How notifications are sent (SMTP_URL, MAIL_FROM or NOTIFY_*); undefined: none are. */
		mail: mailSettings(s)
	};
}

export type Config = ReturnType<typeof configFrom>;

const describeIssue = (issue: v.BaseIssue<unknown>) =>
	`${v.getDotPath(issue) ?? 'A setting'} ${issue.message}`;

/** Reads the settings; throws one Error listing every wrong one. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const read = v.safeParse(Settings, given, { abortPipeEarly: true });
	const problems = read.success ? [] : read.issues.map(describeIssue);
	const oidc = read.success ? oidcMissing(read.output) : null;
	if (oidc) problems.push(oidc);
	const mail = read.success ? mailProblem(read.output) : null;
	if (mail) problems.push(mail);
	if (read.success && !oidc && !mail) return configFrom(read.output);
	throw new Error(
		problems.length === 1
			? problems.join('')
			: `${problems.length} settings are wrong:\n${problems.join('\n')}`
	);
}

/**
 * Reads a whole number given to a command the way a setting is read, or throws naming it:
 * "The attribute threshold must be a whole number from 1 to 1000; got "2.5"".
 */
export function wholeNumberFrom(name: string, value: string, min: number, max: number): number {
	const read = v.safeParse(wholeNumber(min, max), value, { abortPipeEarly: true });
	if (read.success) return read.output;
	throw new Error(`${name} ${read.issues[0].message}`);
}

export function pgliteDir(config: Config): string {
	return join(config.dataDir, 'pglite');
}
