import { isRealDate } from '../../calendar/dates';
import { COUNTED_SESSION_TYPES, HOUR_TYPES, type HourType } from '../../domain/hour-types';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../domain/attendance';
import { isOneOf } from '../../domain/words';
import type { FieldErrors } from '../forms/staff';

// Checks for the attendance register. Messages follow the GOV.UK
// error message pattern: say what to do, in the words of the label.

type Values = Partial<Record<string, string>>;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
export const MAX_ACTIVITY = 200;

export function isHourType(value: string): value is HourType {
	return isOneOf(HOUR_TYPES, value);
}

/** Break Time and Break Time Plus sessions record the activity organised, for the returns. */
export function needsActivity(hourType: HourType): boolean {
	return (COUNTED_SESSION_TYPES as readonly HourType[]).includes(hourType);
}

/** The radio group name of one child's status on the register. */
export const statusField = (packageId: string) => `status_${packageId}`;

/** Which register: a service, a day and a type of hours. */
export interface RegisterChoice {
	serviceId: string;
	heldOn: string;
	hourType: HourType;
}

export function readChoice(
	values: Values,
	today: string
): { choice: RegisterChoice; errors: FieldErrors } {
	const v = (k: string) => (values[k] ?? '').trim();
	const errors: FieldErrors = {};
	if (!v('service')) errors.service = 'Choose a service';
	if (!v('date')) errors.date = 'Enter the date of the sessions';
	else if (!isRealDate(v('date'))) errors.date = 'Date must be a real date, like 2026-11-24';
	else if (v('date') > today) errors.date = 'Date must be today or in the past';
	if (!isHourType(v('type'))) errors.type = 'Choose a type of hours from the list';
	return {
		choice: {
			serviceId: v('service'),
			heldOn: v('date'),
			hourType: (isHourType(v('type')) ? v('type') : 'personal_care_hours') as HourType
		},
		errors
	};
}

/** One child's line on the register: '' is "not booked". */
export interface Mark {
	packageId: string;
	status: AttendanceStatus | '';
}

export interface RegisterInput {
	hours: string;
	activity: string | null;
	marks: Mark[];
}

function readHours(raw: string): { hours: string; error?: string } {
	if (!raw) return { hours: '', error: 'Enter the hours of each session' };
	if (!NUMBER.test(raw)) return { hours: '', error: 'Hours must be a number, like 2.5' };
	const n = Number(raw);
	if (!(n > 0 && n <= 24))
		return { hours: '', error: 'Hours must be more than 0 and no more than 24' };
	if ((raw.split('.')[1] ?? '').length > 2)
		return { hours: '', error: 'Hours must have no more than 2 decimal places, like 2.25' };
	return { hours: String(n) };
}

/** The posted register for the packages open that day (`packageIds`, in page order). */
export function readRegister(
	values: Values,
	packageIds: string[],
	hourType: HourType
): { register: RegisterInput; errors: FieldErrors } {
	const v = (k: string) => (values[k] ?? '').trim();
	const errors: FieldErrors = {};
	const { hours, error } = readHours(v('hours'));
	if (error) errors.hours = error;
	const activity = needsActivity(hourType) ? v('activity') : '';
	if (needsActivity(hourType) && !activity)
		errors.activity = 'Enter the type of Break Time activity, like swimming';
	else if (activity.length > MAX_ACTIVITY)
		errors.activity = `Type of activity must be ${MAX_ACTIVITY} characters or fewer`;
	const marks: Mark[] = [];
	for (const packageId of packageIds) {
		const status = v(statusField(packageId));
		if (status && !isOneOf(ATTENDANCE_STATUSES, status))
			errors[statusField(packageId)] = 'Choose not booked, attended or cancelled';
		else marks.push({ packageId, status: status as Mark['status'] });
	}
	if (!packageIds.length)
		errors.date = 'No child has a care package with this service on this date';
	else if (marks.length === packageIds.length && marks.every((m) => !m.status))
		errors[statusField(packageIds[0]!)] = 'Mark at least one child as attended or cancelled';
	return { register: { hours, activity: activity || null, marks }, errors };
}
