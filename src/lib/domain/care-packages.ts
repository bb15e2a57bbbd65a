/** Why a care package ended, as staff choose it. */
export const END_REASONS = {
	completed: 'Completed as planned',
	broke_down: 'The placement broke down',
	other: 'Another reason'
} as const;
export type EndReason = keyof typeof END_REASONS;

/** The same reasons in a report's few words. */
export const END_REASONS_SHORT: Record<EndReason, string> = {
	completed: 'Completed',
	broke_down: 'Broke down',
	other: 'Other'
};
