/** Where an invitation (or an open group link) stands, as the invitations page shows it. */
export const INVITATION_STATUSES = {
	not_started: 'Not started',
	in_progress: 'In progress',
	completed: 'Completed',
	expired: 'Expired',
	revoked: 'Revoked',
	open: 'Open',
	full: 'Full'
} as const;
export type InvitationStatus = keyof typeof INVITATION_STATUSES;
