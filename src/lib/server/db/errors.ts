/**
 * Whether a database error is a unique violation (SQLSTATE 23505): a row that another request
 * made first. Both PostgreSQL drivers (pg and PGlite) give the code the same way.
 */
export function isUniqueViolation(e: unknown): boolean {
	return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';
}
