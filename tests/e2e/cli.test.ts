import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index';
import { tempDir } from '../helpers/server';

// The npm scripts a council's administrator runs, as real processes.
const tsx = join('node_modules', '.bin', 'tsx');
// No made-up demo responses: the commands under test do not need them.
const run = (args: string[], env: Record<string, string> = {}) =>
	spawnSync(tsx, args, {
		env: { ...process.env, DATABASE_URL: '', DEMO_RESPONSES: '0', DEMO_DATA: 'on', ...env },
		encoding: 'utf8'
	});

describe('npm run surveys:check', () => {
	it('passes on the shipped surveys', () => {
		const result = run(['src/cli/surveys-check.ts']);
		expect(result.stderr).not.toMatch(/problem/);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('5 survey definitions in surveys are valid');
	});

	it('names the file, the question and the problem, and exits non-zero', () => {
		const dir = tempDir('voices-surveys-');
		cpSync('surveys', dir, { recursive: true });
		cpSync('tests/fixtures/surveys/broken/unknown-symbol.json', join(dir, 'broken-one.json'));
		const result = run(['src/cli/surveys-check.ts', dir]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'broken-one.json: feel_safe: the question: unknown symbol "unicorn-rainbow"'
		);
	});
});

// Each command below starts on a new embedded database (seconds when the machine is busy).
describe('npm run db:migrate and db:rollback', { timeout: 240_000 }, () => {
	it('apply and revert the migrations on the embedded database', () => {
		const env = { DATA_DIR: tempDir('voices-data-') };
		expect(run(['src/cli/db.ts', 'migrate'], env).stdout).toContain(
			'Applied: 2026-11-24T12-00_initial-schema, 2026-11-24T13-00_response-resume-token, 2026-11-24T15-00_staff-side, 2026-11-24T17-00_dashboard, 2026-11-24T19-00_activity-returns'
		);
		expect(run(['src/cli/db.ts', 'migrate'], env).stdout).toContain('Nothing to do');
		// The newest migration is reverted first, whichever it is.
		expect(run(['src/cli/db.ts', 'rollback'], env).stdout).toContain(
			`Reverted: ${Object.keys(migrations).at(-1)}`
		);
		const wrong = run(['src/cli/db.ts', 'sideways'], env);
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain('Usage');
	});
});

describe('npm run invite', { timeout: 240_000 }, () => {
	it('prints a link and a code for each invitation, and explains a wrong option', () => {
		// The demo's services at an https address: allowed only when told it is a demo.
		const env = {
			DATA_DIR: tempDir('voices-data-'),
			ORIGIN: 'https://voices.example',
			THIS_IS_A_DEMO: 'yes'
		};
		const made = run(
			[
				'src/cli/invite.ts',
				'--survey',
				'short-breaks-carer',
				'--service',
				'Riverside Break Time',
				'--respondent',
				'carer',
				'--count',
				'2'
			],
			env
		);
		expect(made.stderr).toBe('');
		const lines = made.stdout.trim().split('\n');
		const links = lines.filter((l) => l.startsWith('https://voices.example/i/'));
		expect(links).toHaveLength(2);
		for (const l of links) expect(l).toMatch(/ code [ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
		const open = run(
			[
				'src/cli/invite.ts',
				'--survey',
				'short-breaks-child-symbols',
				'--service',
				'Pennine Saturday Club',
				'--open'
			],
			env
		);
		expect(open.stdout).toContain('(open link: no code)');
		const wrong = run(
			['src/cli/invite.ts', '--survey', 'no-such-survey', '--service', 'Riverside Break Time'],
			env
		);
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain('--survey must be one of: childrens-home-child');
	});
});

describe('npm run user:create', { timeout: 240_000 }, () => {
	it('creates an administrator with a set-password link, once per email address', () => {
		const env = {
			DATA_DIR: tempDir('voices-data-'),
			ORIGIN: 'https://voices.example',
			DEMO_DATA: 'off'
		};
		const made = run(
			['src/cli/user-create.ts', '--email', 'sam.jones@example.org', '--name', 'Sam Jones'],
			env
		);
		expect(made.stderr).toBe('');
		expect(made.status).toBe(0);
		expect(made.stdout).toMatch(/https:\/\/voices\.example\/reset\/\S+/);
		expect(made.stdout).toContain('authenticator app');
		const again = run(
			['src/cli/user-create.ts', '--email', 'Sam.Jones@Example.ORG', '--name', 'Sam'],
			env
		);
		expect(again.status).toBe(2);
		expect(again.stderr).toContain('A user with that email already exists');
		const wrong = run(['src/cli/user-create.ts', '--email', 'not-an-email', '--name', 'Sam'], env);
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain('Usage');
	});
});

describe('npm run retention', { timeout: 240_000 }, () => {
	it('prints what it removed and the cutoff, and refuses a wrong RETENTION_MONTHS', () => {
		const env = { DATA_DIR: tempDir('voices-data-') };
		const done = run(['src/cli/retention.ts'], env);
		expect(done.stderr).toBe('');
		expect(done.status).toBe(0);
		expect(done.stdout).toMatch(/cutoff of \d{4}-\d{2}-\d{2} \(72 months\)/);
		const wrong = run(['src/cli/retention.ts'], { ...env, RETENTION_MONTHS: 'six years' });
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain('RETENTION_MONTHS');
	});
});

describe('npm run council:threshold', { timeout: 240_000 }, () => {
	it('sets a council’s attribute threshold, back to the default, and refuses bad input', () => {
		const env = { DATA_DIR: tempDir('voices-data-') };
		const set = run(['src/cli/council-threshold.ts', 'dorset', '15'], env);
		expect(set.stderr).toBe('');
		expect(set.status).toBe(0);
		expect(set.stdout).toContain(
			'Dorset Council: a 0% or 100% figure from fewer than 15 answers is hidden.'
		);
		const back = run(['src/cli/council-threshold.ts', 'dorset', 'default'], env);
		expect(back.stdout).toContain('fewer than 10 answers is hidden (the default)');
		const unknown = run(['src/cli/council-threshold.ts', 'nowhere', '15'], env);
		expect(unknown.status).toBe(1);
		expect(unknown.stderr).toContain('No council has the code "nowhere".');
		const wrong = run(['src/cli/council-threshold.ts', 'dorset', '2.5'], env);
		expect(wrong.status).toBe(2);
		expect(wrong.stderr).toContain(
			'The attribute threshold must be a whole number from 1 to 1000; got "2.5"'
		);
		expect(run(['src/cli/council-threshold.ts'], env).status).toBe(2);
	});
});
