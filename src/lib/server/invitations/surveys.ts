import type { DB } from '../db/connect';
import { measures } from '../catalogue/measures';
import type { LoadedSurvey } from '../surveys/types';
import type { Framework } from '../../domain/frameworks';
import type { Respondent } from '../../domain/respondents';

// Which survey an invitation asks by default: one whose measures belong to a framework the
// provider is commissioned under (a Lancashire short break is never sent Dorset's children's-home
// survey), in the version the child prefers (symbols or standard) when there is one.

export { PREFERRED } from '../../domain/preferred';

const frameworkOf = new Map(measures.map((m) => [m.id, m.framework]));

export function frameworksOfSurvey(survey: LoadedSurvey): Framework[] {
	const found = Object.values(survey.rules).flatMap((r) => frameworkOf.get(r.measure) ?? []);
	return [...new Set(found)];
}

/** The frameworks a provider is commissioned under, by any council, at any time. */
export async function providerFrameworks(db: DB, providerId: string): Promise<Framework[]> {
	const rows = await db
		.selectFrom('commission')
		.select('framework')
		.distinct()
		.where('provider_id', '=', providerId)
		.execute();
	return rows.map((r) => r.framework);
}

/**
 * The survey a child (or their carer) is asked by default; undefined when no survey fits the
 * provider's commissions. A provider not yet commissioned may use any survey for the respondent.
 */
export function preferredSurvey(
	surveys: readonly LoadedSurvey[],
	o: { respondent: Respondent; frameworks: readonly Framework[]; variant: string | null }
): LoadedSurvey | undefined {
	const fits = surveys.filter(
		(s) =>
			s.respondent === o.respondent &&
			(!o.frameworks.length || frameworksOfSurvey(s).some((f) => o.frameworks.includes(f)))
	);
	return (
		fits.find((s) => s.variant === o.variant) ??
		fits.find((s) => s.variant === 'standard') ??
		fits[0]
	);
}
