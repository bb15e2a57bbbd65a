/**
 * The kinds of provider return (Lancashire's Schedule 2, section 2.2) with their titles, in the
 * order they are listed. The database keeps its own frozen copy in a check constraint
 * (migrations/2026-11-24T19-00_activity-returns.ts).
 */
export const RETURN_KINDS = {
	monthly: 'Monthly claim form (Break Time)',
	quarterly: 'Quarterly provider return',
	annual: 'Annual provider return'
} as const;

export type ReturnKind = keyof typeof RETURN_KINDS;

/** Every kind of return, in the order above. */
export const RETURN_KIND_IDS = Object.keys(RETURN_KINDS) as ReturnKind[];

/** Whether `text` (from a URL or a setting) names a kind of return. */
export const isReturnKind = (text: unknown): text is ReturnKind =>
	typeof text === 'string' && Object.hasOwn(RETURN_KINDS, text);

/** Where a return stands, in the words the returns list and page show. */
export const RETURN_STATUSES = {
	draft: 'Draft',
	submitted: 'Submitted, awaiting the council',
	returned: 'Returned for correction',
	accepted: 'Accepted'
} as const;
export type ReturnStatus = keyof typeof RETURN_STATUSES;

/** A return owed that nobody has started: it has no row, so no stored status. */
export const NOT_STARTED = 'not_started';
export const RETURN_STATUS_TEXT: Readonly<Record<ReturnStatus | typeof NOT_STARTED, string>> = {
	[NOT_STARTED]: 'Not started',
	...RETURN_STATUSES
};
