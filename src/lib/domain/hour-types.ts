import { valuesOf } from './words';

/** The kinds of hours a short break provides, as the Lancashire activity return counts them. */
export const HOUR_TYPES = {
	personal_care_hours: 'Personal care',
	short_break_daytime_hours: 'Short break daytime',
	break_time_hours: 'Break Time',
	break_time_plus_hours: 'Break Time Plus',
	overnight_hours: 'Overnight'
} as const;
export type HourType = keyof typeof HOUR_TYPES;
export const HOUR_TYPE_VALUES = valuesOf(HOUR_TYPES);

/** Hour types whose sessions the activity return also counts. */
export const COUNTED_SESSION_TYPES = ['break_time_hours', 'break_time_plus_hours'] as const;
