import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import { ukToday } from '$lib/calendar/dates';
import * as children from '$lib/server/children/service';
import { hasErrors, readForm } from '$lib/server/forms/staff';
import {
	needsActivity,
	readChoice,
	readRegister,
	statusField
} from '$lib/server/attendance/validate';
import * as sessions from '$lib/server/attendance/service';
import type { RegisterChoice } from '$lib/server/attendance/validate';
import type { HourType } from '$lib/domain/hour-types';

interface Named {
	id: string;
	name: string;
}

// The register is chosen in the query (`?service=…&date=…&type=…`: ids and a date, nothing
// personal), so the page can be bookmarked and the post comes back to the same register.
const query = (url: URL, fallbackService: string, today: string) => ({
	service: url.searchParams.get('service') ?? fallbackService,
	date: url.searchParams.get('date') ?? today,
	type: url.searchParams.get('type') ?? ''
});

/** The error for a type of hours the chosen service does not offer (its `offered` types). */
function refusalOf(choice: RegisterChoice, offered: HourType[], services: Named[]) {
	if (offered.includes(choice.hourType)) return null;
	const name = services.find((s) => s.id === choice.serviceId)?.name ?? '';
	return sessions.notOffered(name, choice.hourType, offered);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireProvider(locals, 'attendance.record');
	const db = (await app()).connection.db;
	const today = ukToday();
	const services = (await children.services(db, user)).map((s) => ({ id: s.id, name: s.name }));
	const asked = query(url, services[0]?.id ?? '', today);
	// With no type asked, the service's first: a register of one type it offers.
	const serviceErrors = readChoice({ ...asked, type: 'personal_care_hours' }, today).errors;
	const offered =
		services.length && !serviceErrors.service
			? await sessions.offeredTypes(db, user, asked.service)
			: [];
	if (!asked.type) asked.type = offered[0] ?? '';
	const { choice, errors } = readChoice(asked, today);
	if (!hasErrors(errors)) {
		const refusal = refusalOf(choice, offered, services);
		if (refusal) errors.type = refusal;
	}
	const ready = services.length > 0 && !hasErrors(errors);
	const register = ready
		? await sessions.register(db, user, choice.serviceId, choice.heldOn, choice.hourType)
		: [];
	const month = ready ? await sessions.month(db, user, choice.serviceId, choice.heldOn) : [];
	return {
		services,
		today,
		asked,
		choiceErrors: services.length ? errors : {},
		offered,
		ready,
		needsActivity: needsActivity(choice.hourType),
		register: register.map((r) => ({ ...r, field: statusField(r.packageId) })),
		month: month.map((s) => ({
			id: s.id,
			heldOn: s.held_on,
			reference: s.reference,
			name: s.display_name,
			hourType: s.hour_type,
			hours: s.hours,
			status: s.status,
			activity: s.activity
		}))
	};
};

export const actions: Actions = {
	record: async ({ locals, request, url }) => {
		const user = requireProvider(locals, 'attendance.record');
		const db = (await app()).connection.db;
		const today = ukToday();
		const { choice, errors: choiceErrors } = readChoice(query(url, '', today), today);
		if (!hasErrors(choiceErrors)) {
			const services = await children.services(db, user);
			const offered = await sessions.offeredTypes(db, user, choice.serviceId);
			const refusal = refusalOf(choice, offered, services);
			if (refusal) choiceErrors.type = refusal;
		}
		if (hasErrors(choiceErrors))
			return fail(400, { errors: choiceErrors, formError: null, values: {} });
		const rows = await sessions.register(
			db,
			user,
			choice.serviceId,
			choice.heldOn,
			choice.hourType
		);
		const ids = rows.map((r) => r.packageId);
		const form = await readForm(request, ['hours', 'activity', ...ids.map(statusField)]);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const { register, errors } = readRegister(form.values, ids, choice.hourType);
		if (hasErrors(errors)) return fail(400, { errors, formError: null, values: form.values });
		await sessions.saveRegister(db, user, { ...choice, ...register });
		return { errors: {}, formError: null, values: {}, saved: 'Register saved' };
	}
};
