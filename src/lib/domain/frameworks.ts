import type { ServiceKind } from './service-kinds';
import { valuesOf } from './words';

/**
 * The commissioning frameworks a council commissions a provider under. The framework decides
 * which measures of the catalogue apply (src/lib/server/catalogue/measures.json) and which
 * returns are owed: the activity returns are the Lancashire framework's (its Schedule 2).
 */
export const FRAMEWORKS = {
	lancashire: 'Lancashire short breaks',
	dorset: 'Dorset children’s homes'
} as const;
export type Framework = keyof typeof FRAMEWORKS;
export const FRAMEWORK_VALUES = valuesOf(FRAMEWORKS);

/** The kind of service each framework commissions. */
export const FRAMEWORK_SERVICE_KIND: Readonly<Record<Framework, ServiceKind>> = {
	lancashire: 'short_break',
	dorset: 'childrens_home'
};

/** Frameworks under which the activity returns are owed. */
export const RETURNS_FRAMEWORKS: readonly Framework[] = ['lancashire'];
