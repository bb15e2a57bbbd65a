/** How an answer counts towards its measure. */
export const CLASSIFICATIONS = {
	positive: 'Positive',
	negative: 'Not positive',
	not_counted: 'Not counted'
} as const;
export type Classification = keyof typeof CLASSIFICATIONS;
