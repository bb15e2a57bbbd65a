import { error } from '@sveltejs/kit';
import { month as calendarMonth } from '../../calendar/periods';
import { HOUR_TYPES, HOUR_TYPE_VALUES, type HourType } from '../../domain/hour-types';
import { notFound } from '../access/roles';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import * as attendanceRepo from '../db/attendance';
import * as carePackageRepo from '../db/care-package';
import type { DB } from '../db/connect';
import type { AttendanceStatus } from '../../domain/attendance';
import { ownService } from '../access/records';
import { providerScope } from '../access/scopes';
import type { RegisterChoice, RegisterInput } from './validate';

// The sessions register: who attended, or had a session cancelled, at one of the caller's
// services on one day. The provider returns count these records.

/** The hour types the service offers, in the order the returns list them. */
export async function offeredTypes(
	db: DB,
	user: StaffUser,
	serviceId: string
): Promise<HourType[]> {
	const service = await ownService(db, user, serviceId, 'attendance.record');
	return HOUR_TYPE_VALUES.filter((t) => service.hour_types.includes(t));
}

/** What the register says when asked for hours of a type the service does not offer. */
export function notOffered(serviceName: string, hourType: HourType, offered: HourType[]): string {
	const choices = offered.map((t) => HOUR_TYPES[t]).join(', ');
	return `${serviceName} does not offer ${HOUR_TYPES[hourType]} hours: choose a type it offers (${choices})`;
}

/** The service, refusing (400) a type of hours it does not offer: those are never recorded. */
async function serviceOffering(db: DB, user: StaffUser, serviceId: string, hourType: HourType) {
	const service = await ownService(db, user, serviceId, 'attendance.record');
	if (!service.hour_types.includes(hourType)) {
		const offered = HOUR_TYPE_VALUES.filter((t) => service.hour_types.includes(t));
		error(400, notOffered(service.name, hourType, offered));
	}
	return service;
}

export interface RegisterRow {
	packageId: string;
	reference: string;
	name: string;
	session: { status: AttendanceStatus; hours: string; activity: string | null } | null;
}

/** The children with a package at the service open on `date`, with what is already recorded. */
export async function register(
	db: DB,
	user: StaffUser,
	serviceId: string,
	date: string,
	hourType: RegisterChoice['hourType']
): Promise<RegisterRow[]> {
	await serviceOffering(db, user, serviceId, hourType);
	const packages = await carePackageRepo.openOn(db, serviceId, date);
	const recorded = await attendanceRepo.listForServiceOn(db, serviceId, date, hourType);
	const byPackage = new Map(recorded.map((s) => [s.care_package_id, s]));
	return packages.map((p) => {
		const s = byPackage.get(p.id);
		return {
			packageId: p.id,
			reference: p.reference,
			name: p.display_name,
			session: s ? { status: s.status, hours: s.hours, activity: s.activity } : null
		};
	});
}

export interface Saved {
	attended: number;
	cancelledByProvider: number;
	cancelledByFamily: number;
	removed: number;
}

/** Saves a register at once: marked children recorded, "not booked" ones cleared, one audit. */
export async function saveRegister(
	db: DB,
	user: StaffUser,
	input: RegisterChoice & RegisterInput
): Promise<Saved> {
	await serviceOffering(db, user, input.serviceId, input.hourType);
	const open = new Set(
		(await carePackageRepo.openOn(db, input.serviceId, input.heldOn)).map((p) => p.id)
	);
	if (input.marks.some((m) => !open.has(m.packageId))) notFound();
	const count = (status: AttendanceStatus) => input.marks.filter((m) => m.status === status).length;
	return db.transaction().execute(async (trx) => {
		await attendanceRepo.record(
			trx,
			input.marks.flatMap((m) =>
				m.status
					? [
							{
								care_package_id: m.packageId,
								service_id: input.serviceId,
								held_on: input.heldOn,
								hour_type: input.hourType,
								hours: input.hours,
								status: m.status,
								activity: input.activity,
								recorded_by: user.id
							}
						]
					: []
			)
		);
		let removed = 0;
		for (const m of input.marks.filter((m) => !m.status))
			removed += await attendanceRepo.remove(trx, m.packageId, input.heldOn, input.hourType);
		const saved: Saved = {
			attended: count('attended'),
			cancelledByProvider: count('cancelled_by_provider'),
			cancelledByFamily: count('cancelled_by_family'),
			removed
		};
		await audit.record(trx, user.id, 'activity_session.recorded', 'service', input.serviceId, {
			...saved
		});
		return saved;
	});
}

/** The service's sessions in the month of `date`, by day and child reference. */
export async function month(db: DB, user: StaffUser, serviceId: string, date: string) {
	const providerId = providerScope(user, 'attendance.record');
	await ownService(db, user, serviceId, 'attendance.record');
	const { start, end } = calendarMonth(date);
	const rows = await attendanceRepo.listForProvider(db, providerId, start, end);
	return rows.filter((r) => r.service_id === serviceId);
}
