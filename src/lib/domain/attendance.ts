/** What became of a booked session in the attendance register. */
export const ATTENDANCE_STATUSES = {
	attended: 'Attended',
	cancelled_by_provider: 'Cancelled by us',
	cancelled_by_family: 'Cancelled by the family'
} as const;
export type AttendanceStatus = keyof typeof ATTENDANCE_STATUSES;

/** A register row with no session recorded. */
export const NOT_BOOKED_LABEL = 'Not booked';
