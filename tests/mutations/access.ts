import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATIONS } from './mutations';
import { applySchemata, checkList, StaleMutation, SWITCH, type Mutation } from './schemata';

// `npm run test:mutations [id …]`: shows that the access matrix can fail. Every mutant of
// tests/mutations/mutations.ts is written into the source behind a switch, built once into a
// build folder of its own, and the source restored at once; then the matrix runs on PGlite
// against that build once with no mutant (it must pass) and once per mutant (it must fail).
// The source is restored on every exit: normal, error, SIGINT, SIGTERM or SIGHUP.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
// A folder of this run's own, in this checkout (its built server finds the checkout's packages
// from there): two checkouts sharing one node_modules, or two runs, never share a build.
mkdirSync('.mutants', { recursive: true });
const CACHE = mkdtempSync(join('.mutants', 'run-'));
const BUILD_DIR = `${CACHE}/build`;
const JOBS = Math.max(1, Number(process.env.MUTATION_JOBS) || 2);
const started = Date.now();

const originals = new Map<string, string>();
const running = new Set<ChildProcess>();
let backupDir: string | null = null;
let runsDir: string | null = null;

const seconds = (ms: number) =>
	ms < 60_000
		? `${(ms / 1000).toFixed(1)} s`
		: `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

/** Puts every mutated file back as it was; safe to call any number of times, from any exit. */
function restore(): void {
	for (const [file, text] of originals)
		if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
}

const git = (...args: string[]) => spawnSync('git', args, { stdio: 'ignore' }).status === 0;
const inGit = git('rev-parse', '--is-inside-work-tree');

/** The files that differ from what they were before the run (by content, and by git). */
function changedFiles(): string[] {
	return [...originals].flatMap(([file, text]) =>
		!existsSync(file) ||
		readFileSync(file, 'utf8') !== text ||
		(inGit && !git('diff', '--quiet', 'HEAD', '--', file))
			? [file]
			: []
	);
}

/** Restores, checks the tree is exactly as before, and removes the mutant build and backup. */
function cleanUp(): boolean {
	for (const child of running) stop(child);
	restore();
	const changed = changedFiles();
	if (changed.length) {
		console.error(`\nNOT RESTORED: ${changed.join(', ')}. The originals are in ${backupDir}`);
		return false;
	}
	rmSync(CACHE, { recursive: true, force: true });
	if (runsDir) rmSync(runsDir, { recursive: true, force: true });
	if (backupDir) rmSync(backupDir, { recursive: true, force: true });
	backupDir = null;
	return true;
}

function stop(child: ChildProcess): void {
	// Each child leads a process group of its own: this ends vitest and the server it started.
	try {
		if (child.pid) process.kill(-child.pid, 'SIGTERM');
	} catch {
		// Already ended.
	}
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
	process.on(signal, () => {
		console.error(`\n${signal}: stopping and restoring the source`);
		const clean = cleanUp();
		if (clean) console.error('The source is as it was.');
		process.exit(128 + constants.signals[signal]);
	});
process.on('uncaughtException', (e) => {
	console.error(e);
	cleanUp();
	process.exit(1);
});
process.on('exit', restore);
// A parent that is gone (npm killed, a terminal closed) cannot pass a signal on: stop as if sent one.
const parent = process.ppid;
setInterval(() => {
	if (process.ppid !== parent) process.emit('SIGHUP');
}, 1000).unref();

function run(
	args: string[],
	env: NodeJS.ProcessEnv
): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, { env, detached: true, stdio: 'pipe' });
		running.add(child);
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.once('close', (code) => {
			running.delete(child);
			resolve({ code, output });
		});
	});
}

function baseEnv(): NodeJS.ProcessEnv {
	// Mutants run on PGlite only: the matrix is the same on PostgreSQL and runs there in `vitest run`.
	const env: NodeJS.ProcessEnv = { ...process.env, VOICES_BUILD_DIR: BUILD_DIR };
	for (const name of [SWITCH, 'TEST_DATABASE_URL', 'REQUIRE_POSTGRES']) delete env[name];
	return env;
}

/** Writes the mutants into the source, builds once, and restores the source before returning. */
async function buildMutants(mutations: Mutation[]): Promise<void> {
	const files = [...new Set(mutations.map((m) => m.file))];
	// All checks before any file changes: a stale mutation fails here and touches nothing.
	const mutated = new Map(
		files.map((file) => [
			file,
			applySchemata(
				file,
				readFileSync(file, 'utf8'),
				mutations.filter((m) => m.file === file)
			)
		])
	);
	const dirty = inGit ? files.filter((f) => !git('diff', '--quiet', 'HEAD', '--', f)) : [];
	if (dirty.length)
		throw new StaleMutation(
			`Uncommitted changes in ${dirty.join(', ')}: the run mutates these files, so it runs only ` +
				`on committed ones. If a run was killed with SIGKILL, its mutants (look for ${SWITCH}) ` +
				`are still there: git checkout -- ${dirty.map((f) => `'${f}'`).join(' ')}`
		);
	backupDir = mkdtempSync(join(tmpdir(), 'voices-mutations-'));
	for (const file of files) {
		const text = readFileSync(file, 'utf8');
		mkdirSync(dirname(join(backupDir, file)), { recursive: true });
		writeFileSync(join(backupDir, file), text);
		originals.set(file, text);
	}
	try {
		for (const [file, text] of mutated) writeFileSync(file, text);
		const build = await run(['node_modules/vite/bin/vite.js', 'build'], baseEnv());
		if (build.code !== 0) throw new Error(`The build of the mutants failed:\n${build.output}`);
	} finally {
		restore();
		// The build's intermediate output holds the mutants too: leave none behind.
		rmSync('.svelte-kit/output', { recursive: true, force: true });
	}
	const changed = changedFiles();
	if (changed.length) throw new Error(`NOT RESTORED: ${changed.join(', ')}; see ${backupDir}`);
}

interface Outcome {
	failed: string[];
	passed: number;
	ms: number;
	output: string;
}

/** Runs the matrix against the mutant build with one mutant switched on (or none). */
async function matrix(id: string | null, dir: string): Promise<Outcome> {
	const t = Date.now();
	const json = join(dir, `${id ?? 'none'}.json`);
	const env: NodeJS.ProcessEnv = { ...baseEnv(), VOICES_MATRIX_TEMPLATE: join(dir, 'template') };
	if (id) env[SWITCH] = id;
	const args = ['node_modules/vitest/vitest.mjs', 'run', 'tests/e2e/access.test.ts'];
	const { output } = await run([...args, '--reporter=json', `--outputFile=${json}`], env);
	const ms = Date.now() - t;
	if (!existsSync(json)) return { failed: [], passed: 0, ms, output };
	const report = JSON.parse(readFileSync(json, 'utf8')) as {
		testResults: { assertionResults: { status: string; fullName: string }[] }[];
	};
	const cells = report.testResults.flatMap((f) => f.assertionResults);
	return {
		failed: cells
			.filter((c) => c.status === 'failed')
			.map((c) => c.fullName.replace(/^access matrix on \w+ /, '')),
		passed: cells.filter((c) => c.status === 'passed').length,
		ms,
		output
	};
}

async function main(): Promise<number> {
	checkList(MUTATIONS);
	const asked = process.argv.slice(2);
	const unknown = asked.filter((id) => !MUTATIONS.some((m) => m.id === id));
	if (unknown.length) throw new StaleMutation(`No mutation ${unknown.join(', ')}`);
	const mutations = asked.length ? MUTATIONS.filter((m) => asked.includes(m.id)) : MUTATIONS;

	console.log(`Building ${mutations.length} mutants into ${BUILD_DIR}…`);
	await buildMutants(mutations);
	const built = Date.now();
	console.log(`Built in ${seconds(built - started)}; the source is restored.`);

	// The run with no mutant goes first: it must pass, and it prepares the data every mutant's
	// matrix then starts from (tests/helpers/template.ts).
	const dir = (runsDir = mkdtempSync(join(tmpdir(), 'voices-mutation-runs-')));
	mkdirSync(join(dir, 'template'));
	const baseline = await matrix(null, dir);
	console.log(`  (no mutant): ${verdictOf(null, baseline)}, ${seconds(baseline.ms)}`);
	if (baseline.failed.length || baseline.passed === 0) {
		console.error(baseline.output.slice(-4000));
		console.error(
			`\nThe matrix fails with no mutant switched on (${baseline.failed.join('; ')}): fix it first.`
		);
		return 1;
	}
	const results = new Map<Mutation, Outcome>();
	let next = 0;
	const worker = async () => {
		while (next < mutations.length) {
			const m = mutations[next++]!;
			const outcome = await matrix(m.id, dir);
			results.set(m, outcome);
			console.log(`  ${m.id}: ${verdictOf(m, outcome)}, ${seconds(outcome.ms)}`);
		}
	};
	await Promise.all(Array.from({ length: JOBS }, worker));
	printTable(mutations, results, baseline.passed);
	const bad = mutations.filter((m) => verdictOf(m, results.get(m)!) !== 'killed');
	for (const m of bad) {
		const o = results.get(m)!;
		if (o.passed === 0)
			console.error(`\n${m.id}: the matrix did not run:\n${o.output.slice(-3000)}`);
	}
	console.log(
		`\n${mutations.length - bad.length} of ${mutations.length} mutants killed. Build ${seconds(built - started)}, ` +
			`matrix runs ${seconds(Date.now() - built)} (${JOBS} at a time), total ${seconds(Date.now() - started)}.`
	);
	if (bad.length) {
		console.error(
			`\nNot killed: ${bad.map((m) => m.name).join('; ')}. Add a cell to tests/e2e/access.test.ts ` +
				'that fails without the check.'
		);
		return 1;
	}
	return 0;
}

function verdictOf(m: Mutation | null, o: Outcome): string {
	// No cell passing means the server or the set-up broke: that proves nothing about the check.
	if (o.passed === 0) return 'broken';
	if (!m) return o.failed.length ? `${o.failed.length} cells failed` : 'all cells pass';
	return o.failed.length ? 'killed' : 'SURVIVED';
}

function printTable(mutations: Mutation[], results: Map<Mutation, Outcome>, cells: number) {
	const width = Math.max(...mutations.map((m) => m.name.length));
	console.log(`\n${'Mutation'.padEnd(width)}  Red cells  Result    Time    First red cell`);
	for (const m of mutations) {
		const o = results.get(m)!;
		console.log(
			`${m.name.padEnd(width)}  ${String(o.failed.length).padStart(9)}  ${verdictOf(m, o).padEnd(8)}  ` +
				`${seconds(o.ms).padStart(6)}  ${o.failed[0] ?? ''}`
		);
	}
	console.log(`(The matrix has ${cells} cells, all passing with no mutant switched on.)`);
}

main()
	.then((code) => {
		process.exitCode = cleanUp() ? code : 1;
	})
	.catch((e: unknown) => {
		console.error(e instanceof StaleMutation ? `\n${e.message}` : e);
		cleanUp();
		process.exitCode = 1;
	});
