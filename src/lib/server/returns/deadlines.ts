import type { ReturnKind } from '../db/schema';

export type ReturnDueDays = Record<ReturnKind, number>;

export const DEFAULT_DUE_DAYS: ReturnDueDays = { monthly: 10, quarterly: 15, annual: 20 };

/** Placeholder until the deadlines module lands: reads RETURN_DUE_DAYS. */
export function returnDueDaysFrom(value: string | undefined): ReturnDueDays {
	if (!value) return { ...DEFAULT_DUE_DAYS };
	return { ...DEFAULT_DUE_DAYS };
}
