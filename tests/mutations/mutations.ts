import type { Mutation } from './schemata';

// Each mutation removes one access check; the access matrix (tests/e2e/access.test.ts) must
// turn at least one cell red for each. A check added to a service or page belongs here, with a
// cell in the matrix that fails without it.

const children = 'src/lib/server/children/service.ts';
const returns = 'src/lib/server/returns/service.ts';
const routes = 'src/routes/(staff)/staff';

export const MUTATIONS: Mutation[] = [
	{
		id: 'child-provider',
		name: 'child: provider check removed',
		file: children,
		find: '!child || child.provider_id !== providerId || child.erased_at',
		replace: '!child || child.erased_at'
	},
	{
		id: 'package-end-child',
		name: 'end care package: package of the child check removed',
		file: children,
		find: '!carePackage || carePackage.child_id !== childId',
		replace: '!carePackage'
	},
	{
		id: 'erase-manager',
		name: 'erase: manager-only check removed',
		file: `${routes}/children/[id]/+page.server.ts`,
		find: "requireProvider(locals, 'provider_manager')",
		replace: 'requireProvider(locals)'
	},
	{
		id: 'package-report-provider',
		name: 'package report: provider check removed',
		file: 'src/lib/server/care-packages/report.ts',
		find: 'await children.get(db, user, childId, why)',
		replace:
			"await db.selectFrom('child').selectAll().where('id', '=', childId).executeTakeFirstOrThrow()"
	},
	{
		id: 'package-report-child',
		name: 'package report: package of the child check removed',
		file: 'src/lib/server/care-packages/report.ts',
		find: '!carePackage || carePackage.child_id !== child.id',
		replace: '!carePackage'
	},
	{
		id: 'sessions-provider',
		name: 'sessions register: provider check removed',
		file: 'src/lib/server/attendance/service.ts',
		find: '!service || service.provider_id !== providerId',
		replace: '!service'
	},
	{
		id: 'invite-provider',
		name: 'invite: provider check of the children removed',
		file: 'src/lib/server/invitations/service.ts',
		find: 'c.provider_id === providerId && !c.erased_at',
		replace: '!c.erased_at'
	},
	{
		id: 'revoke-provider',
		name: 'revoke: provider check removed',
		file: 'src/lib/server/invitations/service.ts',
		find: '!inv || inv.provider_id !== providerId',
		replace: '!inv'
	},
	{
		id: 'cap-provider',
		name: 'open link cap: provider check removed',
		file: 'src/lib/server/invitations/service.ts',
		find: '!inv || !inv.is_open || inv.provider_id !== providerId',
		replace: '!inv || !inv.is_open'
	},
	{
		id: 'alert-lead',
		name: 'alert: lead check removed',
		file: 'src/lib/server/alerts/service.ts',
		find: 'lead && alert.safeguarding_lead_id !== lead',
		replace: 'false'
	},
	{
		id: 'lead-provider',
		name: 'safeguarding lead: provider check removed',
		file: 'src/lib/server/organisations/services.ts',
		find: '!service || service.provider_id !== user.providerId',
		replace: '!service'
	},
	{
		id: 'reset-provider',
		name: 'reset link: provider check removed',
		file: 'src/lib/server/users/service.ts',
		find: '!target || (s.providerId && target.provider_id !== s.providerId)',
		replace: '!target'
	},
	{
		id: 'audit-role',
		name: 'audit: role check removed',
		file: `${routes}/audit/+page.server.ts`,
		find: "requireRole(locals, 'administrator')",
		replace: 'undefined'
	},
	{
		id: 'dashboard-provider',
		name: 'dashboard: provider scope removed',
		file: 'src/lib/server/dashboard/dashboard.ts',
		find: 'services.filter((s) => s.provider_id === user.providerId)',
		replace: 'services'
	},
	{
		id: 'targets-commissioner',
		name: 'targets: commissioner-only check removed',
		file: `${routes}/dashboard/targets/+page.server.ts`,
		after: 'default: async',
		find: "requireRole(locals, 'commissioner')",
		replace: 'locals.staff!.user'
	},
	{
		id: 'return-provider',
		name: 'return: provider scope removed',
		file: returns,
		find: 'isProvider && p.provider !== user.providerId',
		replace: 'false'
	},
	{
		id: 'return-council',
		name: 'return: council scope removed',
		file: returns,
		find: 'isCommissioner && p.council !== user.councilId',
		replace: 'false'
	},
	{
		id: 'return-submit-provider',
		name: 'return: provider-only submission check removed',
		file: returns,
		find: '!o.isProvider',
		replace: 'false'
	},
	{
		id: 'return-decide-commissioner',
		name: 'return decision: commissioner-only check removed',
		file: returns,
		find: '!o.isCommissioner',
		replace: 'false'
	},
	{
		id: 'returns-owed-scope',
		name: 'returns owed: council and provider scope removed',
		file: 'src/lib/server/returns/owed.ts',
		find: 'byCouncil ? { councilId: user.councilId! } : { providerId: user.providerId! }',
		replace: '{}'
	}
];
