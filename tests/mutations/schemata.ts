import ts from 'typescript';

// Mutant schemata (the technique Stryker uses): every mutant of a file is written into it at
// once, each behind a switch read at run time, so one build serves every mutant and the working
// tree is mutated only while that build runs. With the switch off the code does what it did.

/** The environment variable that switches one mutant on in the server. */
export const SWITCH = 'VOICES_MUTANT';

export interface Mutation {
	/** The value of VOICES_MUTANT that switches this mutant on. */
	id: string;
	/** What the mutant removes, as the table prints it. */
	name: string;
	/** The file, from the repository root. */
	file: string;
	/** One whole expression, found exactly once (after `after`, when given). */
	find: string;
	/** The expression that takes its place in the mutant. */
	replace: string;
	/** Text found exactly once before `find`, for when `find` alone occurs more than once. */
	after?: string;
}

export class StaleMutation extends Error {}

function occurrences(text: string, part: string, from = 0): number[] {
	const at: number[] = [];
	for (let i = text.indexOf(part, from); part && i >= 0; i = text.indexOf(part, i + 1)) at.push(i);
	return at;
}

function locate(source: string, m: Mutation): number {
	let from = 0;
	if (m.after !== undefined) {
		const anchors = occurrences(source, m.after);
		if (anchors.length !== 1)
			throw new StaleMutation(
				`${m.id}: its anchor ${JSON.stringify(m.after)} occurs ${anchors.length} times in ${m.file}`
			);
		from = anchors[0]! + m.after.length;
	}
	const at = occurrences(source, m.find, from);
	if (at.length !== 1)
		throw new StaleMutation(
			`${m.id}: ${JSON.stringify(m.find)} occurs ${at.length} times in ${m.file}` +
				(m.after ? ' after its anchor' : '') +
				' (it must occur exactly once: update the mutation to the code as it is now)'
		);
	return at[0]!;
}

/** True when [start, end) is exactly one expression of the source, not a piece of one. */
function isWholeExpression(sf: ts.SourceFile, start: number, end: number): boolean {
	let found = false;
	const visit = (node: ts.Node) => {
		if (found || node.end < end || node.pos > start) return;
		if (node.getStart(sf) === start && node.end === end && ts.isExpression(node)) found = true;
		else ts.forEachChild(node, visit);
	};
	ts.forEachChild(sf, visit);
	return found;
}

function syntaxErrors(file: string, text: string): string[] {
	const out = ts.transpileModule(text, {
		fileName: file,
		reportDiagnostics: true,
		compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext }
	});
	return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/**
 * The source of one file with each of its mutants behind the switch. Throws StaleMutation, and
 * changes nothing, when a mutation's text is missing, not unique, not a whole expression,
 * overlaps another, or would not parse.
 */
export function applySchemata(file: string, source: string, mutations: Mutation[]): string {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const placed = mutations
		.map((m) => {
			const start = locate(source, m);
			const end = start + m.find.length;
			if (!isWholeExpression(sf, start, end))
				throw new StaleMutation(
					`${m.id}: ${JSON.stringify(m.find)} is not one whole expression in ${m.file}`
				);
			return { m, start, end };
		})
		.sort((a, b) => a.start - b.start);
	for (let i = 1; i < placed.length; i++)
		if (placed[i]!.start < placed[i - 1]!.end)
			throw new StaleMutation(`${placed[i]!.m.id} overlaps ${placed[i - 1]!.m.id} in ${file}`);
	let text = source;
	for (const { m, start, end } of placed.reverse()) {
		const on = `process.env.${SWITCH} === ${JSON.stringify(m.id)}`;
		text = `${text.slice(0, start)}(${on} ? (${m.replace}) : (${m.find}))${text.slice(end)}`;
	}
	const errors = syntaxErrors(file, text);
	if (errors.length)
		throw new StaleMutation(`The mutants of ${file} do not parse: ${errors.join('; ')}`);
	return text;
}

/** Checks a list of mutations: ids that can be switched on, each used once. */
export function checkList(mutations: Mutation[]): void {
	const seen = new Set<string>();
	for (const m of mutations) {
		if (!/^[a-z0-9-]+$/.test(m.id)) throw new StaleMutation(`${m.id}: ids are a-z, 0-9 and -`);
		if (seen.has(m.id)) throw new StaleMutation(`${m.id}: used twice`);
		seen.add(m.id);
	}
}
