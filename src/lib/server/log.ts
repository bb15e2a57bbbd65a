import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

// What an unexpected error leaves in the log: its class, the database's code and the names of the
// constraint, table and column it concerns, and where in the code it happened. Never its message
// or detail: a database error's detail holds the row ("Failing row contains (…)": a child's
// reference, a code's hash) and a message can quote what was typed.

const NAMES = ['code', 'constraint', 'table', 'column', 'routine'] as const;

export interface ErrorFields {
	type: string;
	code?: string;
	constraint?: string;
	table?: string;
	column?: string;
	routine?: string;
	stack?: string[];
}

/** The parts of an error that are safe to log (never its message, detail or hint). */
export function errorFields(error: unknown): ErrorFields {
	if (!(error instanceof Error)) return { type: `a thrown ${typeof error}` };
	const fields: ErrorFields = { type: error.constructor?.name || error.name || 'Error' };
	const raw = error as unknown as Record<string, unknown>;
	for (const name of NAMES) {
		const value = raw[name];
		if (typeof value === 'string' && /^[\w.$-]{1,63}$/.test(value)) fields[name] = value;
	}
	fields.stack = (error.stack ?? '')
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, 8)
		.map((line) => line.trim());
	return fields;
}

export function describeError(error: unknown): string {
	const { type, stack = [], ...names } = errorFields(error);
	const parts = [type, ...Object.entries(names).map(([k, v]) => `${k}=${v}`)];
	return [parts.join(' '), ...stack.map((f) => `  ${f}`)].join('\n');
}

/**
 * Keys whose values are personal wherever they appear in what is logged: a name, an address, a
 * child's reference, an answer, a secret. Logged objects should hold ids only; this is the net
 * under that rule.
 */
const PERSONAL = [
	'email',
	'name',
	'display_name',
	'reference',
	'answer',
	'answers',
	'value',
	'note',
	'password',
	'token',
	'detail',
	'message',
	'cookie',
	'authorization'
];

const REDACT = PERSONAL.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** A pino logger writing JSON lines to `destination` (standard output when not given). */
export function createLogger(destination?: DestinationStream): Logger {
	return pino(
		{
			base: { service: 'voices' },
			redact: { paths: REDACT, censor: '[removed]' },
			serializers: { err: errorFields },
			formatters: { level: (label) => ({ level: label }) },
			timestamp: pino.stdTimeFunctions.isoTime
		},
		destination
	);
}

/** The app's log. */
export const log = createLogger();

/**
 * Logs an unexpected error with a new error id, which the person who met it can quote (the error
 * page shows it); `context` is ids and names of things, never personal data.
 */
export function logError(
	error: unknown,
	context: Record<string, string | number | undefined> = {},
	logger: Logger = log
): string {
	const errorId = randomUUID();
	logger.error({ errorId, ...context, err: error }, 'unexpected error');
	return errorId;
}
