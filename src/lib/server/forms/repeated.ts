// A repeated form field (checkboxes: several values under one name) is read once per value, and
// each value may make a row. Posted copies are de-duplicated and the number of values is capped,
// so that one post cannot make thousands of rows or hold the database for seconds.

/**
 * The most children one post may invite at once: more than a large service's printed sheet. It
 * counts values as posted, so a post of thousands of copies is refused rather than shrunk.
 */
export const MAX_CHILDREN_PER_POST = 200;

/** Each value once, in the order first posted. */
export function distinct(values: readonly string[]): string[] {
	return [...new Set(values)];
}
