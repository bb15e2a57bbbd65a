import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { requireProvider } from '$lib/server/access/roles';
import { readForm } from '$lib/server/forms/staff';
import * as packageReport from '$lib/server/care-packages/report';
import {
	OUTCOME_RESULTS,
	readPackageReport,
	REPORT_FIELDS
} from '$lib/server/care-packages/report-validate';
import { END_REASONS_SHORT } from '$lib/domain/care-packages';
import { HOUR_TYPES, type HourType } from '$lib/domain/hour-types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requireProvider(locals);
	const db = (await app()).connection.db;
	const opened = await packageReport.open(db, user, params.id, params.packageId);
	const p = opened.carePackage;
	return {
		child: {
			id: opened.child.id,
			name: opened.child.display_name,
			reference: opened.child.reference
		},
		carePackage: {
			service: p.service_name,
			startsOn: p.starts_on,
			endsOn: p.ends_on,
			hours: (Object.entries(HOUR_TYPES) as [HourType, string][])
				.filter(([key]) => Number(p[key]) > 0)
				.map(([key, label]) => ({ label, hours: p[key] })),
			endReason: p.end_reason ? END_REASONS_SHORT[p.end_reason] : null,
			endExplanation: p.end_explanation
		},
		report: opened.report && {
			...opened.report,
			recordedAt: opened.report.recordedAt.toISOString()
		},
		results: opened.results.map((s) => ({ ...s, completedAt: s.completedAt.toISOString() })),
		outcomeResults: OUTCOME_RESULTS,
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		const user = requireProvider(locals);
		const form = await readForm(request, REPORT_FIELDS);
		if (!form.ok) return fail(400, { errors: {}, formError: form.error, values: {} });
		const read = readPackageReport(form.values);
		if (!read.ok) return fail(400, { errors: read.errors, formError: null, values: form.values });
		const saved = await packageReport.save(
			await app(),
			user,
			params.id,
			params.packageId,
			read.report
		);
		if (!saved.ok) return fail(409, { errors: {}, formError: saved.message, values: form.values });
		redirect(303, `${url.pathname}?saved=1`);
	}
};
