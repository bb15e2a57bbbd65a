import type { Role } from '../../domain/roles';
import { can, type Permission } from './policy';

/** The staff area's sections in the header, each shown to the roles its permission names. */
const SECTIONS = [
	{ href: '/staff/dashboard', label: 'Dashboard', permission: 'dashboard.view' },
	{ href: '/staff/returns', label: 'Returns', permission: 'returns.view' },
	{ href: '/staff/children', label: 'Children', permission: 'children.work' },
	{ href: '/staff/sessions', label: 'Sessions', permission: 'attendance.record' },
	{ href: '/staff/invitations', label: 'Invitations', permission: 'invitations.send' },
	{ href: '/staff/alerts', label: 'Safeguarding alerts', permission: 'alerts.handle' },
	{ href: '/staff/services', label: 'Services', permission: 'services.view' },
	{ href: '/staff/organisations', label: 'Organisations', permission: 'organisations.manage' },
	{ href: '/staff/users', label: 'Users', permission: 'users.manage' },
	{ href: '/staff/audit', label: 'Audit log', permission: 'audit.view' },
	{ href: '/staff/jobs', label: 'Jobs', permission: 'jobs.view' },
	{ href: '/staff/notifications', label: 'Your notifications', permission: 'notifications.choose' }
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

/** The sections a role sees; each page still checks access itself. */
export function sectionsFor(role: Role): { href: string; label: string }[] {
	return SECTIONS.filter((s) => can(role, s.permission)).map(({ href, label }) => ({
		href,
		label
	}));
}
