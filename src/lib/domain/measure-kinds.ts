/** What a measure reports: a percentage of answers, or a count (the returns' activity figures). */
export const MEASURE_KINDS = { percent: 'Percentage', count: 'Count' } as const;
export type MeasureKind = keyof typeof MEASURE_KINDS;
