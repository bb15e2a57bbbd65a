// Longer than 300 lines: one test per setting's defaults, ranges and messages.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig, wholeNumberFrom } from './config';
import { DEFAULT_DUE_DAYS } from './returns/deadlines';
import { DEFAULT_THRESHOLD } from './statistics/suppress';

const problem = (env: NodeJS.ProcessEnv): string => {
	try {
		readConfig(env);
	} catch (e) {
		return (e as Error).message;
	}
	throw new Error(`${JSON.stringify(env)} was accepted`);
};

describe('the settings', () => {
	it('have their defaults when unset or empty', () => {
		const defaults = {
			databaseUrl: undefined,
			databasePoolSize: 10,
			dataDir: resolve('data'),
			surveysDir: resolve('surveys'),
			symbolsDir: undefined,
			demoData: false,
			publicDemo: false,
			secretKey: undefined,
			origin: 'http://localhost:3000',
			suppressionThreshold: 5,
			demoResponses: 3000,
			returnDueDays: { monthly: 10, quarterly: 15, annual: 20 },
			sessionIdleMinutes: 30,
			resetLinkHours: 24,
			safeguardingDueWorkingDays: 1,
			retentionMonths: 72,
			jobs: { timeoutSeconds: 900, retryDelaySeconds: 60, testSchedule: undefined },
			metricsToken: undefined
		};
		expect(readConfig({})).toEqual(defaults);
		const empty = Object.fromEntries(
			[
				'DATABASE_URL',
				'DATABASE_POOL_SIZE',
				'DATA_DIR',
				'SURVEYS_DIR',
				'SYMBOLS_DIR',
				'DEMO_DATA',
				'THIS_IS_A_DEMO',
				'SECRET_KEY',
				'PORT',
				'ORIGIN',
				'SUPPRESSION_THRESHOLD',
				'DEMO_RESPONSES',
				'RETURN_DUE_DAYS',
				'SESSION_IDLE_MINUTES',
				'RESET_LINK_HOURS',
				'SAFEGUARDING_DUE_WORKING_DAYS',
				'RETENTION_MONTHS',
				'JOB_TIMEOUT_SECONDS',
				'JOB_RETRY_DELAY_SECONDS',
				'JOB_TEST_SCHEDULE',
				'METRICS_TOKEN'
			].map((name) => [name, ''])
		);
		expect(readConfig(empty)).toEqual(defaults);
	});

	it('read good values', () => {
		expect(
			readConfig({
				DATABASE_URL: 'postgres://voices@db.example/voices',
				DATABASE_POOL_SIZE: '25',
				DATA_DIR: '/var/lib/voices',
				SURVEYS_DIR: 'council/surveys',
				SYMBOLS_DIR: 'council/symbols',
				DEMO_DATA: 'on',
				THIS_IS_A_DEMO: 'yes',
				SECRET_KEY: 'a'.repeat(64),
				PORT: '8080',
				SUPPRESSION_THRESHOLD: '10',
				DEMO_RESPONSES: '0',
				RETURN_DUE_DAYS: 'quarterly=20',
				SESSION_IDLE_MINUTES: '15',
				RESET_LINK_HOURS: '48',
				SAFEGUARDING_DUE_WORKING_DAYS: '0',
				RETENTION_MONTHS: ' 24 '
			})
		).toEqual({
			databaseUrl: 'postgres://voices@db.example/voices',
			databasePoolSize: 25,
			dataDir: '/var/lib/voices',
			surveysDir: resolve('council/surveys'),
			symbolsDir: resolve('council/symbols'),
			demoData: true,
			publicDemo: true,
			secretKey: 'a'.repeat(64),
			origin: 'http://localhost:8080',
			suppressionThreshold: 10,
			demoResponses: 0,
			returnDueDays: { monthly: 10, quarterly: 20, annual: 20 },
			sessionIdleMinutes: 15,
			resetLinkHours: 48,
			safeguardingDueWorkingDays: 0,
			retentionMonths: 24,
			jobs: { timeoutSeconds: 900, retryDelaySeconds: 60, testSchedule: undefined }
		});
		expect(readConfig({ ORIGIN: 'https://voices.council.example', PORT: '8080' }).origin).toBe(
			'https://voices.council.example'
		);
		expect(readConfig({ DEMO_DATA: 'off', THIS_IS_A_DEMO: 'no' })).toMatchObject({
			demoData: false,
			publicDemo: false
		});
	});

	it('take the ends of each range', () => {
		const ends = [
			['DATABASE_POOL_SIZE', 'databasePoolSize', 1, 100],
			['SUPPRESSION_THRESHOLD', 'suppressionThreshold', 1, 1000],
			['DEMO_RESPONSES', 'demoResponses', 0, 9_999_999],
			['SESSION_IDLE_MINUTES', 'sessionIdleMinutes', 1, 720],
			['RESET_LINK_HOURS', 'resetLinkHours', 1, 168],
			['SAFEGUARDING_DUE_WORKING_DAYS', 'safeguardingDueWorkingDays', 0, 30],
			['RETENTION_MONTHS', 'retentionMonths', 1, 1200]
		] as const;
		for (const [name, field, min, max] of ends) {
			expect(readConfig({ [name]: String(min) })[field], name).toBe(min);
			expect(readConfig({ [name]: String(max) })[field], name).toBe(max);
			expect(problem({ [name]: String(max + 1) }), name).toBe(
				`${name} must be a whole number from ${min} to ${max}; got "${max + 1}"`
			);
		}
	});

	it('refuse a wrong value, naming the setting, what it allows and the value', () => {
		const cases: [NodeJS.ProcessEnv, string][] = [
			[
				{ DATABASE_POOL_SIZE: 'abc' },
				'DATABASE_POOL_SIZE must be a whole number from 1 to 100; got "abc"'
			],
			[
				{ DATABASE_POOL_SIZE: '0' },
				'DATABASE_POOL_SIZE must be a whole number from 1 to 100; got "0"'
			],
			[
				{ RESET_LINK_HOURS: '-5' },
				'RESET_LINK_HOURS must be a whole number from 1 to 168; got "-5"'
			],
			[{ RESET_LINK_HOURS: '0' }, 'RESET_LINK_HOURS must be a whole number from 1 to 168; got "0"'],
			[
				{ SESSION_IDLE_MINUTES: 'half an hour' },
				'SESSION_IDLE_MINUTES must be a whole number from 1 to 720; got "half an hour"'
			],
			[
				{ SESSION_IDLE_MINUTES: '0.5' },
				'SESSION_IDLE_MINUTES must be a whole number from 1 to 720; got "0.5"'
			],
			[
				{ SAFEGUARDING_DUE_WORKING_DAYS: 'soon' },
				'SAFEGUARDING_DUE_WORKING_DAYS must be a whole number from 0 to 30; got "soon"'
			],
			[
				{ SAFEGUARDING_DUE_WORKING_DAYS: '-1' },
				'SAFEGUARDING_DUE_WORKING_DAYS must be a whole number from 0 to 30; got "-1"'
			],
			[
				{ RETENTION_MONTHS: 'six years' },
				'RETENTION_MONTHS must be a whole number from 1 to 1200; got "six years"'
			],
			[
				{ DEMO_RESPONSES: 'lots' },
				'DEMO_RESPONSES must be a whole number from 0 to 9999999; got "lots"'
			],
			[{ DEMO_DATA: 'yes' }, 'DEMO_DATA must be "on" or "off"; got "yes"'],
			[{ THIS_IS_A_DEMO: 'true' }, 'THIS_IS_A_DEMO must be "yes" or "no"; got "true"'],
			[
				{ ORIGIN: 'voices.council.example' },
				'ORIGIN must be the public address, like https://voices.council.example; ' +
					'got "voices.council.example"'
			]
		];
		for (const [env, message] of cases) expect(problem(env)).toBe(message);
	});

	it('report every wrong setting together', () => {
		expect(
			problem({
				DATABASE_POOL_SIZE: 'abc',
				RESET_LINK_HOURS: '-5',
				DEMO_DATA: 'maybe',
				RETURN_DUE_DAYS: 'weekly=5'
			})
		).toBe(
			'4 settings are wrong:\n' +
				'DATABASE_POOL_SIZE must be a whole number from 1 to 100; got "abc"\n' +
				'DEMO_DATA must be "on" or "off"; got "maybe"\n' +
				'RETURN_DUE_DAYS must look like "monthly=10,quarterly=15,annual=20" ' +
				'(whole numbers of working days from 1 to 60); ' +
				'"weekly" in "weekly=5" is not a kind of return (use monthly, quarterly, annual) in "weekly=5"\n' +
				'RESET_LINK_HOURS must be a whole number from 1 to 168; got "-5"'
		);
	});

	it('never repeat a secret', () => {
		const wrong = problem({
			DATABASE_URL: 'postgres://voices:hunter2@db.example/voices',
			SECRET_KEY: 'hunter2',
			DEMO_DATA: 'maybe'
		});
		expect(wrong).not.toContain('hunter2');
	});
});

describe('SUPPRESSION_THRESHOLD', () => {
	it('defaults to 5 when SUPPRESSION_THRESHOLD is unset or empty', () => {
		expect(DEFAULT_THRESHOLD).toBe(5);
		expect(readConfig({}).suppressionThreshold).toBe(5);
		expect(readConfig({ SUPPRESSION_THRESHOLD: '' }).suppressionThreshold).toBe(5);
	});

	it('reads a whole number from 1 to 1000', () => {
		expect(readConfig({ SUPPRESSION_THRESHOLD: '7' }).suppressionThreshold).toBe(7);
		expect(readConfig({ SUPPRESSION_THRESHOLD: '1' }).suppressionThreshold).toBe(1);
		expect(readConfig({ SUPPRESSION_THRESHOLD: '1000' }).suppressionThreshold).toBe(1000);
	});

	it('rejects anything else, naming the variable and the value', () => {
		for (const bad of ['0', '-1', 'abc', '2.5', '1001', '1e2', ' ']) {
			expect(() => readConfig({ SUPPRESSION_THRESHOLD: bad })).toThrow(/SUPPRESSION_THRESHOLD/);
			expect(() => readConfig({ SUPPRESSION_THRESHOLD: bad })).toThrow(JSON.stringify(bad));
		}
	});
});

describe('RETURN_DUE_DAYS', () => {
	const dueDays = (value: string | undefined) =>
		readConfig({ RETURN_DUE_DAYS: value }).returnDueDays;

	it('gives the defaults when unset or empty', () => {
		expect(dueDays(undefined)).toEqual({ monthly: 10, quarterly: 15, annual: 20 });
		expect(dueDays('')).toEqual({ monthly: 10, quarterly: 15, annual: 20 });
		expect(dueDays('  ')).toEqual({ monthly: 10, quarterly: 15, annual: 20 });
	});

	it('reads every kind, or some with defaults for the rest', () => {
		expect(dueDays('monthly=5,quarterly=25,annual=40')).toEqual({
			monthly: 5,
			quarterly: 25,
			annual: 40
		});
		expect(dueDays('quarterly=20')).toEqual({ monthly: 10, quarterly: 20, annual: 20 });
		expect(dueDays(' annual = 60 , monthly=1 ')).toEqual({
			monthly: 1,
			quarterly: 15,
			annual: 60
		});
	});

	it('does not share the defaults object', () => {
		dueDays(undefined).monthly = 99;
		dueDays('quarterly=3').monthly = 99;
		expect(DEFAULT_DUE_DAYS).toEqual({ monthly: 10, quarterly: 15, annual: 20 });
	});

	it('says what is wrong and where', () => {
		expect(() => dueDays('weekly=5')).toThrow(
			'RETURN_DUE_DAYS must look like "monthly=10,quarterly=15,annual=20" ' +
				'(whole numbers of working days from 1 to 60); ' +
				'"weekly" in "weekly=5" is not a kind of return (use monthly, quarterly, annual) in "weekly=5"'
		);
		const cases: [string, string][] = [
			['monthly=10,Monthly=3', '"Monthly" in "Monthly=3" is not a kind of return'],
			['monthly=ten', '"ten" in "monthly=ten" is not a whole number'],
			['monthly=2.5', '"2.5" in "monthly=2.5" is not a whole number'],
			['monthly=-1', '"-1" in "monthly=-1" is not a whole number'],
			['monthly=1e1', '"1e1" in "monthly=1e1" is not a whole number'],
			['monthly=', '"" in "monthly=" is not a whole number'],
			['monthly=0', '"0" in "monthly=0" is not from 1 to 60 working days'],
			['quarterly=61', '"61" in "quarterly=61" is not from 1 to 60 working days'],
			['monthly=10,quarterly=9,monthly=12', '"monthly" is given more than once'],
			['monthly', '"monthly" has no "="'],
			['monthly=10,', 'there is an empty part'],
			['monthly=10;quarterly=5', '"10;quarterly=5" in "monthly=10;quarterly=5" is not a whole']
		];
		for (const [value, message] of cases) {
			expect(() => dueDays(value), value).toThrow(message);
			expect(() => dueDays(value), value).toThrow(`in ${JSON.stringify(value)}`);
		}
	});
});

describe('RETENTION_MONTHS', () => {
	it('defaults to six years and refuses anything but a whole number of months', () => {
		expect(readConfig({}).retentionMonths).toBe(72);
		expect(readConfig({ RETENTION_MONTHS: ' 24 ' }).retentionMonths).toBe(24);
		for (const bad of ['0', '-3', '1.5', 'six', '1e3'])
			expect(() => readConfig({ RETENTION_MONTHS: bad })).toThrow(/RETENTION_MONTHS/);
	});
});

describe('the job queue settings', () => {
	it('read a timeout, a retry delay and a test schedule', () => {
		expect(
			readConfig({
				JOB_TIMEOUT_SECONDS: '30',
				JOB_RETRY_DELAY_SECONDS: ' 5 ',
				JOB_TEST_SCHEDULE: ' */2 * * * 1-5 '
			}).jobs
		).toEqual({ timeoutSeconds: 30, retryDelaySeconds: 5, testSchedule: '*/2 * * * 1-5' });
	});

	it('refuse a wrong value, naming the setting and the value', () => {
		expect(problem({ JOB_TIMEOUT_SECONDS: '86400' })).toBe(
			'JOB_TIMEOUT_SECONDS must be a whole number from 5 to 86399; got "86400"'
		);
		expect(problem({ JOB_RETRY_DELAY_SECONDS: '0' })).toBe(
			'JOB_RETRY_DELAY_SECONDS must be a whole number from 1 to 3600; got "0"'
		);
		for (const bad of ['* * * *', 'every minute', '* * * * * *', '@daily'])
			expect(problem({ JOB_TEST_SCHEDULE: bad })).toBe(
				'JOB_TEST_SCHEDULE must be a cron of five fields (minute hour day month weekday), ' +
					`like "* * * * *"; got ${JSON.stringify(bad)}`
			);
	});
});

describe('METRICS_TOKEN', () => {
	it('is off by default, and takes a long token', () => {
		expect(readConfig({}).metricsToken).toBeUndefined();
		expect(readConfig({ METRICS_TOKEN: 'f'.repeat(64) }).metricsToken).toBe('f'.repeat(64));
	});

	it('refuses a short token or one with spaces, without repeating it', () => {
		for (const bad of ['hunter2', 'hunter2 hunter2 hunter2 hunter2']) {
			const wrong = problem({ METRICS_TOKEN: bad });
			expect(wrong).toBe(
				'METRICS_TOKEN must be at least 24 characters, without spaces (make one with: openssl rand -hex 32)'
			);
		}
	});
});

describe('SAFEGUARDING_DUE_WORKING_DAYS', () => {
	it('reads the number of working days, one by default', () => {
		expect(readConfig({}).safeguardingDueWorkingDays).toBe(1);
		expect(readConfig({ SAFEGUARDING_DUE_WORKING_DAYS: '2' }).safeguardingDueWorkingDays).toBe(2);
		expect(() => readConfig({ SAFEGUARDING_DUE_WORKING_DAYS: 'soon' })).toThrow(
			'SAFEGUARDING_DUE_WORKING_DAYS must be a whole number from 0 to 30; got "soon"'
		);
	});
});

describe('wholeNumberFrom', () => {
	it('reads a command’s number the way settings are read', () => {
		expect(wholeNumberFrom('The attribute threshold', '15', 1, 1000)).toBe(15);
		expect(() => wholeNumberFrom('The attribute threshold', '2.5', 1, 1000)).toThrow(
			'The attribute threshold must be a whole number from 1 to 1000; got "2.5"'
		);
	});
});

describe('OIDC_* (sign-in with the identity provider)', () => {
	const all = {
		OIDC_ISSUER: 'https://login.microsoftonline.com/a-tenant/v2.0',
		OIDC_CLIENT_ID: 'voices',
		OIDC_CLIENT_SECRET: 'a-client-secret'
	};

	it('is off when none is set, or all are empty', () => {
		expect(readConfig({}).oidc).toBeUndefined();
		expect(
			readConfig({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_CLIENT_SECRET: '', OIDC_NAME: '' })
				.oidc
		).toBeUndefined();
	});

	it('reads the issuer, the client and the button’s words, with a default for the words', () => {
		expect(readConfig(all).oidc).toEqual({
			issuer: all.OIDC_ISSUER,
			clientId: 'voices',
			clientSecret: 'a-client-secret',
			name: 'Sign in with your council account'
		});
		expect(
			readConfig({ ...all, OIDC_NAME: 'Sign in with Lancashire County Council' }).oidc?.name
		).toBe('Sign in with Lancashire County Council');
	});

	it('needs the issuer, client id and secret together, naming what is missing', () => {
		expect(problem({ OIDC_ISSUER: all.OIDC_ISSUER })).toBe(
			'Sign-in with an identity provider needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET together; OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not set'
		);
		expect(problem({ ...all, OIDC_CLIENT_SECRET: '' })).toContain(
			'; OIDC_CLIENT_SECRET is not set'
		);
		expect(problem({ OIDC_NAME: 'Sign in' })).toContain(
			'OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not set'
		);
	});

	it('takes an https issuer, or http on this machine only', () => {
		for (const issuer of ['http://127.0.0.1:4000', 'http://localhost:4000/', 'http://[::1]:4000'])
			expect(readConfig({ ...all, OIDC_ISSUER: issuer }).oidc?.issuer).toBe(issuer);
		for (const issuer of ['http://idp.council.example', 'login.example', 'ftp://127.0.0.1'])
			expect(problem({ ...all, OIDC_ISSUER: issuer })).toBe(
				`OIDC_ISSUER must be the identity provider's https address for the council's own accounts, like https://login.microsoftonline.com/<tenant id>/v2.0; got ${JSON.stringify(issuer)}`
			);
	});

	it('refuses Entra ID issuers that take any tenant’s accounts', () => {
		const tenant = 'https://login.microsoftonline.com/0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9/v2.0';
		expect(readConfig({ ...all, OIDC_ISSUER: tenant }).oidc?.issuer).toBe(tenant);
		for (const shared of ['common', 'organizations', 'consumers', 'Common'])
			expect(
				problem({ ...all, OIDC_ISSUER: `https://login.microsoftonline.com/${shared}/v2.0` })
			).toMatch(/^OIDC_ISSUER must be the identity provider's https address for the council's own/);
	});

	it('never repeats the client secret', () => {
		const message = problem({
			...all,
			OIDC_ISSUER: 'http://idp.example',
			PORT: 'x',
			DATABASE_POOL_SIZE: '0'
		});
		expect(message).not.toContain('a-client-secret');
		expect(problem({ OIDC_CLIENT_SECRET: 'a-client-secret' })).not.toContain('a-client-secret');
	});
});

describe('SMTP_URL, MAIL_FROM and NOTIFY_* (notifications)', () => {
	const key =
		'voices_live-2a3b4c5d-1111-4222-8333-944455556666-7a8b9c0d-1111-4222-8333-944455556666';
	const template = '6f0b2d4e-1c3a-4b5d-8e7f-9a0b1c2d3e4f';

	it('sends nothing when neither is set', () => {
		expect(readConfig({}).mail).toBeUndefined();
		expect(readConfig({ SMTP_URL: '', MAIL_FROM: '', NOTIFY_API_KEY: '' }).mail).toBeUndefined();
	});

	it('reads an SMTP server and the From address', () => {
		expect(
			readConfig({
				SMTP_URL: 'smtp://127.0.0.1:2525',
				MAIL_FROM: 'Voices <voices@council.example>'
			}).mail
		).toEqual({
			transport: 'smtp',
			url: 'smtp://127.0.0.1:2525',
			from: 'Voices <voices@council.example>'
		});
		expect(
			readConfig({ SMTP_URL: 'smtps://mail.example', MAIL_FROM: 'voices@council.example' }).mail
		).toEqual({ transport: 'smtp', url: 'smtps://mail.example', from: 'voices@council.example' });
	});

	it('reads GOV.UK Notify with its templates', () => {
		expect(
			readConfig({
				NOTIFY_API_KEY: key,
				NOTIFY_EMAIL_TEMPLATE_ID: template.toUpperCase(),
				NOTIFY_SMS_TEMPLATE_ID: template
			}).mail
		).toEqual({
			transport: 'notify',
			apiKey: key,
			emailTemplateId: template,
			smsTemplateId: template
		});
	});

	it('refuses wrong values, naming the setting', () => {
		expect(problem({ SMTP_URL: 'http://mail.example', MAIL_FROM: 'a@b.example' })).toMatch(
			/^SMTP_URL must be the mail server's address/
		);
		expect(problem({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: 'nobody' })).toBe(
			'MAIL_FROM must be an address mail is sent from, like "Voices <voices@council.example>"; got "nobody"'
		);
		expect(problem({ NOTIFY_API_KEY: 'not-a-key', NOTIFY_EMAIL_TEMPLATE_ID: template })).toMatch(
			/^NOTIFY_API_KEY must be a GOV.UK Notify API key/
		);
		expect(problem({ NOTIFY_API_KEY: key, NOTIFY_EMAIL_TEMPLATE_ID: 'welcome' })).toMatch(
			/^NOTIFY_EMAIL_TEMPLATE_ID must be a GOV.UK Notify template's id.*; got "welcome"$/
		);
	});

	it('needs the settings that go together, and only one way', () => {
		expect(problem({ SMTP_URL: 'smtp://mail.example' })).toBe(
			'SMTP_URL needs MAIL_FROM, the address mail is sent from'
		);
		expect(problem({ NOTIFY_API_KEY: key })).toMatch(
			/^NOTIFY_API_KEY needs NOTIFY_EMAIL_TEMPLATE_ID/
		);
		expect(problem({ NOTIFY_EMAIL_TEMPLATE_ID: template })).toMatch(/need NOTIFY_API_KEY$/);
		expect(
			problem({
				SMTP_URL: 'smtp://mail.example',
				MAIL_FROM: 'a@b.example',
				NOTIFY_API_KEY: key,
				NOTIFY_EMAIL_TEMPLATE_ID: template
			})
		).toMatch(/not both/);
	});

	it('never repeats the SMTP password or the Notify key', () => {
		const smtp = problem({ SMTP_URL: 'ftp://voices:hunter2@mail.example', MAIL_FROM: 'x' });
		expect(smtp).not.toContain('hunter2');
		const notify = problem({ NOTIFY_API_KEY: 'hunter2-key', NOTIFY_EMAIL_TEMPLATE_ID: template });
		expect(notify).not.toContain('hunter2');
	});
});
