import { RETURN_STATUS_TEXT } from '$lib/domain/return-kinds';
import { fail } from '@sveltejs/kit';
import { tellOtherSide } from '$lib/server/notifications/send';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { RETURN_KINDS } from '$lib/domain/return-kinds';
import { app } from '$lib/server/app';
import { requireAccess } from '$lib/server/access/roles';
import { ukToday } from '$lib/calendar/dates';
import { dueOn } from '$lib/server/returns/deadlines';
import { ENTERED_FIELDS, RATINGS, REGULATORS } from '$lib/server/returns/entry';
import { isOverdue } from '$lib/server/returns/overdue';
import * as returns from '$lib/server/returns/service';
import { readForm } from '$lib/server/forms/staff';

async function opened(event: Pick<RequestEvent, 'locals' | 'params'>) {
	const user = requireAccess(event.locals, 'returns.view');
	const started = await app();
	const db = started.connection.db;
	const o = await returns.open(db, user, event.params);
	return { user, db, o, config: started.config };
}

export const load: PageServerLoad = async (event) => {
	const { user, db, o, config } = await opened(event);
	const v = await returns.view(
		db,
		user,
		o,
		config.suppressionThreshold,
		event.url.searchParams.get('revision')
	);
	const due = dueOn(o.kind, o.period, config.returnDueDays);
	return {
		title: RETURN_KINDS[o.kind],
		path: event.url.pathname,
		councilName: o.councilName,
		providerName: o.providerName,
		kind: o.kind,
		period: { key: o.period.key, label: o.period.label, end: o.period.end },
		dueOn: due,
		overdue: isOverdue(v.status, due, ukToday()),
		status: v.status,
		statusText: RETURN_STATUS_TEXT[v.status],
		revision: v.revision,
		latestRevision: v.latestRevision,
		asSubmitted: v.asSubmitted,
		assembled: v.assembled,
		entered: v.entered,
		fields: ENTERED_FIELDS[o.kind],
		ratings: Object.entries(RATINGS),
		regulators: Object.entries(REGULATORS),
		history: v.revisions.map((r) => ({
			revision: r.revision,
			submittedAt: r.submitted_at?.toISOString() ?? null,
			submittedBy: r.submitted_by_name,
			decision: r.decision,
			decidedAt: r.decided_at?.toISOString() ?? null,
			decidedBy: r.decided_by_name,
			comment: r.comment
		})),
		canEdit: v.canEdit,
		canDecide: v.canDecide,
		isCommissioner: o.isCommissioner
	};
};

export const actions: Actions = {
	save: (event) => saveAction(event, false),
	submit: (event) => saveAction(event, true),
	decide: async (event) => {
		const { user, db, o } = await opened(event);
		const form = await readForm(event.request, ['decision', 'comment']);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const r = await returns.decide(db, user, o, form.values.decision, form.values.comment);
		if (!r.ok) return failed(r.errors, form.values);
		if (r.told) await tellOtherSide(r.told);
		return { errors: {}, formError: null, values: {}, saved: r.message };
	}
};

function failed(errors: Record<string, string>, values: Record<string, string>) {
	const { form: formError, ...rest } = errors;
	return fail(400, { errors: rest, formError: formError ?? null, values });
}

async function saveAction(event: RequestEvent, submit: boolean) {
	const { user, db, o, config } = await opened(event);
	const form = await readForm(event.request, ENTERED_FIELDS[o.kind]);
	if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
	const r = await returns.save(db, user, o, form.values, config.suppressionThreshold, submit);
	if (!r.ok) return failed(r.errors, form.values);
	if (r.told) await tellOtherSide(r.told);
	return { errors: {}, formError: null, values: {}, saved: r.message };
}
