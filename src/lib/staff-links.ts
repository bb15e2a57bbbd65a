/** The staff area's sections each role sees in the header; the pages check access themselves. */
const LINKS = [
	{
		href: '/staff/dashboard',
		label: 'Dashboard',
		roles: ['commissioner', 'provider_manager', 'provider_staff']
	},
	{
		href: '/staff/returns',
		label: 'Returns',
		roles: ['commissioner', 'provider_manager', 'provider_staff']
	},
	{ href: '/staff/children', label: 'Children', roles: ['provider_manager', 'provider_staff'] },
	{ href: '/staff/sessions', label: 'Sessions', roles: ['provider_manager', 'provider_staff'] },
	{
		href: '/staff/invitations',
		label: 'Invitations',
		roles: ['provider_manager', 'provider_staff']
	},
	{
		href: '/staff/alerts',
		label: 'Safeguarding alerts',
		roles: ['provider_manager', 'provider_staff']
	},
	{ href: '/staff/services', label: 'Services', roles: ['provider_manager', 'commissioner'] },
	{ href: '/staff/users', label: 'Users', roles: ['administrator', 'provider_manager'] },
	{ href: '/staff/audit', label: 'Audit log', roles: ['administrator'] }
] as const;

export function staffLinks(role: string): { href: string; label: string }[] {
	return LINKS.filter((l) => (l.roles as readonly string[]).includes(role));
}
