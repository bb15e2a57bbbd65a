import { valuesOf } from './words';

/** What a staff account may do; src/lib/server/access decides what each role sees. */
export const ROLES = {
	administrator: 'Administrator',
	commissioner: 'Commissioner',
	provider_manager: 'Provider manager',
	provider_staff: 'Provider staff'
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_VALUES = valuesOf(ROLES);

/** Roles that work for a provider (the others work for a council or for every council). */
export const PROVIDER_ROLES: readonly Role[] = ['provider_manager', 'provider_staff'];
