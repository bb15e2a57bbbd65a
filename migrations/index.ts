import type { Migration } from 'kysely';
import * as initialSchema from './2026-11-24T12-00_initial-schema';
import * as responseResumeToken from './2026-11-24T13-00_response-resume-token';
import * as staffSide from './2026-11-24T15-00_staff-side';
import * as dashboard from './2026-11-24T17-00_dashboard';
import * as activityReturns from './2026-11-24T19-00_activity-returns';
import * as hardening from './2026-12-01T09-00_hardening';
import * as openLinkLimits from './2026-12-01T11-00_open-link-limits';
import * as figureProtection from './2026-12-01T15-00_figure-protection';
import * as organisationsManaged from './2026-12-01T18-00_organisations-managed';
import * as identityProviderSignIn from './2026-12-01T19-00_identity-provider-sign-in';
import * as messages from './2026-12-02T11-00_messages';
import * as identityProviderSubject from './2026-12-02T12-00_identity-provider-subject';
import * as speech from './2026-12-02T14-00_speech';
import * as invitationDelivery from './2026-12-03T09-00_invitation-delivery';

// Every migration, by name, in the order they run. A test checks that each file in this folder
// is listed here, so a migration cannot be forgotten.
export const migrations: Record<string, Migration> = {
	'2026-11-24T12-00_initial-schema': initialSchema,
	'2026-11-24T13-00_response-resume-token': responseResumeToken,
	'2026-11-24T15-00_staff-side': staffSide,
	'2026-11-24T17-00_dashboard': dashboard,
	'2026-11-24T19-00_activity-returns': activityReturns,
	'2026-12-01T09-00_hardening': hardening,
	'2026-12-01T11-00_open-link-limits': openLinkLimits,
	'2026-12-01T15-00_figure-protection': figureProtection,
	'2026-12-01T18-00_organisations-managed': organisationsManaged,
	'2026-12-01T19-00_identity-provider-sign-in': identityProviderSignIn,
	'2026-12-02T11-00_messages': messages,
	'2026-12-02T12-00_identity-provider-subject': identityProviderSubject,
	'2026-12-02T14-00_speech': speech,
	'2026-12-03T09-00_invitation-delivery': invitationDelivery
};
