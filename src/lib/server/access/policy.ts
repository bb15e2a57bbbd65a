import { PROVIDER_ROLES, type Role } from '../../domain/roles';

/** Who sets up the installation's organisations, which everything else hangs on. */
const INSTALLATION_ROLES = ['administrator'] as const;

/** Who watches the installation's scheduled and background work: the people who run it. */
const OPERATIONS_ROLES = ['administrator'] as const;

/**
 * Who may do what: each permission and the roles that hold it. This is the one table of the
 * staff side's role rules; which records a role then sees is decided by the scopes and record
 * checks beside it (scopes.ts, records.ts), always in the caller's own organisation.
 */
export const POLICY = {
	'dashboard.view': ['commissioner', 'provider_manager', 'provider_staff'],
	'targets.set': ['commissioner'],
	'returns.view': ['commissioner', 'provider_manager', 'provider_staff'],
	'returns.fill_in': PROVIDER_ROLES,
	'returns.decide': ['commissioner'],
	'children.work': PROVIDER_ROLES,
	'children.erase': ['provider_manager'],
	'attendance.record': PROVIDER_ROLES,
	'invitations.send': PROVIDER_ROLES,
	'alerts.handle': PROVIDER_ROLES,
	/** Without it, a provider's staff see only the alerts of services they lead safeguarding for. */
	'alerts.see_all': ['provider_manager'],
	'services.view': ['provider_manager', 'commissioner'],
	'services.set_lead': ['provider_manager'],
	/** A provider's own services: their names, hour types and safeguarding leads. */
	'services.edit': ['provider_manager'],
	/** Councils, providers, their services and commissions: adding, changing and retiring them. */
	'organisations.manage': INSTALLATION_ROLES,
	'users.manage': ['administrator', 'provider_manager'],
	'audit.view': ['administrator'],
	/** The job queue: each job's last and next run and its failures (no job's data). */
	'jobs.view': OPERATIONS_ROLES,
	/** Everyone sees what they will be sent and turns off what is not a duty, for themselves only. */
	'notifications.choose': ['administrator', 'commissioner', 'provider_manager', 'provider_staff']
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;

export function can(role: Role, permission: Permission): boolean {
	return (POLICY[permission] as readonly Role[]).includes(role);
}

/** Roles that must sign in with an authenticator app as well as a password. */
export const SECOND_FACTOR_REQUIRED: readonly Role[] = ['administrator', 'commissioner'];
