import type { ColumnType } from 'kysely';

// Types the database cannot state for itself, which the generated tables (tables.ts) refer to
// through the overrides in codegen.ts: the shape of each JSON column and the words a few text
// columns hold.

/** A JSON column: read back parsed, written as the text `JSON.stringify` makes. */
export type JsonText<T> = ColumnType<T, string, string>;

/**
 * A bigint column: `pg` hands it back as text and PGlite as a number, so code reads it through
 * `String()` or casts it to text in SQL.
 */
export type BigIntValue = ColumnType<
	string | number,
	bigint | number | string,
	bigint | number | string
>;

/** A question's counting rule, as stored with the survey version that carries it. */
export interface MeasureRule {
	measure: string;
	positive: unknown[];
	notCounted: unknown[];
	safeguarding: unknown[];
}
export type SurveyRules = Record<string, MeasureRule>;
