export const ROLE_LABELS: Record<string, string> = {
	administrator: 'Administrator',
	commissioner: 'Commissioner',
	provider_manager: 'Provider manager',
	provider_staff: 'Provider staff'
};
