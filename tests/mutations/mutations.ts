import type { Mutation } from './schemata';

// Each mutation removes one access check (a shared record check of server/access/records.ts,
// and, where a caller relies on it alone, the caller's use of it); the access matrix
// (tests/e2e/access.test.ts) must turn at least one cell red for each. A check added to a service
// or page belongs here, with a cell in the matrix that fails without it.

const records = 'src/lib/server/access/records.ts';
const policy = 'src/lib/server/access/policy.ts';
const returns = 'src/lib/server/returns/service.ts';
const routes = 'src/routes/(staff)/staff';
const orgs = 'src/lib/server/organisations';

export const MUTATIONS: Mutation[] = [
	{
		id: 'child-provider',
		name: 'child: provider check removed',
		file: records,
		find: '!child || child.provider_id !== providerId || child.erased_at',
		replace: '!child || child.erased_at'
	},
	{
		id: 'package-of-child',
		name: 'care package (ending it, its report): package of the child check removed',
		file: records,
		find: '!carePackage || carePackage.child_id !== childId',
		replace: '!carePackage'
	},
	{
		id: 'erase-manager',
		name: 'erase: manager-only check removed',
		file: `${routes}/children/[id]/+page.server.ts`,
		find: "requireProvider(locals, 'children.erase')",
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
		id: 'service-provider',
		name: 'service (attendance register, safeguarding lead): provider check removed',
		file: records,
		find: '!service || service.provider_id !== providerId',
		replace: '!service'
	},
	{
		id: 'lead-provider',
		name: 'safeguarding lead: its own service check removed',
		file: 'src/lib/server/organisations/services.ts',
		find: "ownService(db, user, serviceId, 'services.set_lead')",
		replace: 'serviceRepo.find(db, serviceId).then((s) => s!)'
	},
	{
		id: 'package-end-child',
		name: 'end care package: its package of the child check removed',
		file: 'src/lib/server/children/service.ts',
		find: `packageOfChild(
		isUuid(packageId) ? await carePackageRepo.find(db, packageId) : undefined,
		childId
	)`,
		replace: '(await carePackageRepo.find(db, packageId))!'
	},
	{
		id: 'invite-provider',
		name: 'invite: provider check of the children removed',
		file: 'src/lib/server/invitations/service.ts',
		find: 'c.provider_id === providerId && !c.erased_at',
		replace: '!c.erased_at'
	},
	{
		id: 'invitation-provider',
		name: 'invitation (revoke, open link cap): provider check removed',
		file: records,
		find: '!inv || (openLink && !inv.is_open) || inv.provider_id !== providerId',
		replace: '!inv || (openLink && !inv.is_open)'
	},
	{
		id: 'cap-provider',
		name: 'open link cap: its own invitation check removed',
		file: 'src/lib/server/invitations/service.ts',
		find: 'ownInvitation(db, user, id, true)',
		replace: 'Promise.resolve()'
	},
	{
		id: 'alert-lead',
		name: 'alert: lead check removed',
		file: records,
		find: 'lead && alert.safeguarding_lead_id !== lead',
		replace: 'false'
	},
	{
		id: 'reset-provider',
		name: 'reset link: provider check removed',
		file: records,
		find: '!target || (s.providerId && target.provider_id !== s.providerId)',
		replace: '!target'
	},
	{
		id: 'unlink-provider',
		name: 'unlink from the identity provider: managed user check removed',
		file: 'src/lib/server/users/service.ts',
		find: 'managedUser(db, user, targetId)',
		replace: 'userRepo.find(db, targetId).then((u) => u!)'
	},
	{
		id: 'audit-role',
		name: 'audit: role check removed',
		file: `${routes}/audit/+page.server.ts`,
		find: "requireAccess(locals, 'audit.view')",
		replace: 'undefined'
	},
	{
		id: 'audit-policy',
		name: 'audit: policy widened to commissioners',
		file: policy,
		after: "'audit.view'",
		find: "['administrator']",
		replace: "['administrator', 'commissioner']"
	},
	{
		id: 'notifications-signed-in',
		name: 'your notifications: signed-in check removed from saving',
		file: `${routes}/notifications/+page.server.ts`,
		after: 'default: async',
		find: "requireAccess(locals, 'notifications.choose')",
		replace: 'locals.staff!.user'
	},
	{
		id: 'notifications-kinds',
		name: 'your notifications: kinds of another role (or duties) accepted',
		file: 'src/lib/server/notifications/preferences.ts',
		find: 'send.every((k) => (choosable as string[]).includes(k))',
		replace: 'true'
	},
	{
		id: 'jobs-role',
		name: 'jobs: role check removed',
		file: `${routes}/jobs/+page.server.ts`,
		find: "requireAccess(locals, 'jobs.view')",
		replace: 'undefined'
	},
	{
		id: 'jobs-policy',
		name: 'jobs: policy widened to provider managers',
		file: policy,
		after: "'jobs.view'",
		find: 'OPERATIONS_ROLES',
		replace: "['administrator', 'provider_manager']"
	},
	{
		id: 'dashboard-provider',
		name: 'dashboard: provider scope removed',
		file: 'src/lib/server/access/dashboard.ts',
		find: 'services.filter((s) => s.provider_id === user.providerId)',
		replace: 'services'
	},
	{
		id: 'targets-commissioner',
		name: 'targets: commissioner-only check removed',
		file: `${routes}/dashboard/targets/+page.server.ts`,
		after: 'default: async',
		find: "requireAccess(locals, 'targets.set')",
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
	},
	{
		id: 'organisations-policy',
		name: 'organisations: policy widened to commissioners',
		file: policy,
		after: "'organisations.manage'",
		find: 'INSTALLATION_ROLES',
		replace: "['administrator', 'commissioner']"
	},
	{
		id: 'organisations-scope',
		name: 'organisations: the installation check removed',
		file: 'src/lib/server/access/scopes.ts',
		after: 'export function installationScope(',
		find: '!can(user.role, permission)',
		replace: 'false'
	},
	{
		id: 'organisations-overview',
		name: 'organisations page: its check removed',
		file: `${orgs}/overview.ts`,
		find: "installationScope(user, 'organisations.manage')",
		replace: 'void 0'
	},
	{
		id: 'council-scope',
		name: 'council (form, save, retire): its check removed',
		file: `${orgs}/councils.ts`,
		find: "installationScope(user, 'organisations.manage')",
		replace: 'void 0'
	},
	{
		id: 'provider-scope',
		name: 'provider (page, save, retire): its check removed',
		file: `${orgs}/providers.ts`,
		find: "installationScope(user, 'organisations.manage')",
		replace: 'void 0'
	},
	{
		id: 'commission-scope',
		name: 'commission (form, save): its check removed',
		file: `${orgs}/commissions.ts`,
		find: "installationScope(user, 'organisations.manage')",
		replace: 'void 0'
	},
	{
		id: 'service-admin-scope',
		name: 'service, as administrator (form, add, change, retire): its check removed',
		file: `${orgs}/services.ts`,
		find: "installationScope(user, 'organisations.manage')",
		replace: 'void 0'
	},
	{
		id: 'service-admin-provider',
		name: 'service, as administrator: its provider check removed',
		file: `${orgs}/services.ts`,
		find: '!service || service.provider_id !== provider.id',
		replace: '!service'
	},
	{
		id: 'services-edit-policy',
		name: 'service changes: policy widened to provider staff',
		file: policy,
		after: "'services.edit'",
		find: "['provider_manager']",
		replace: 'PROVIDER_ROLES'
	},
	{
		id: 'service-edit-own',
		name: 'service change (its page and its saving): its own service check removed',
		file: `${orgs}/services.ts`,
		find: "ownService(db, user, serviceId, 'services.edit')",
		replace: 'serviceRepo.find(db, serviceId).then((s) => s!)'
	},
	{
		id: 'child-change-own',
		name: 'change a child: its own child check removed',
		file: 'src/lib/server/children/service.ts',
		find: "get(db, user, id, 'child.viewed_for_change')",
		replace: 'childRepo.find(db, id).then((c) => c!)'
	},
	{
		id: 'package-change-child',
		name: 'change a care package (its page and its saving): package of the child check removed',
		file: 'src/lib/server/children/service.ts',
		find: 'packageOfChild(await findPackage(db, packageId), child.id)',
		replace: '(await findPackage(db, packageId))!'
	}
];
