// What an unexpected error leaves in the log: its class, the database's code and the names of the
// constraint, table and column it concerns, and where in the code it happened. Never its message
// or detail: a database error's detail holds the row ("Failing row contains (…)": a child's
// reference, a code's hash) and a message can quote what was typed.

const NAMES = ['code', 'constraint', 'table', 'column', 'routine'] as const;

export function describeError(error: unknown): string {
	if (!(error instanceof Error)) return `a thrown ${typeof error}`;
	const parts = [error.constructor?.name || error.name || 'Error'];
	const fields = error as unknown as Record<string, unknown>;
	for (const name of NAMES) {
		const value = fields[name];
		if (typeof value === 'string' && /^[\w.$-]{1,63}$/.test(value)) parts.push(`${name}=${value}`);
	}
	const frames = (error.stack ?? '')
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, 8)
		.map((line) => line.trim());
	return [parts.join(' '), ...frames.map((f) => `  ${f}`)].join('\n');
}
