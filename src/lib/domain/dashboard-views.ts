import type { Framework } from './frameworks';

/** The dashboard's groups of measures, each belonging to one commissioning framework. */
export const VIEWS = {
	statements: 'Lancashire statements',
	service: 'Carer and service measures',
	dorset: 'Dorset outcomes'
} as const;
export type ViewName = keyof typeof VIEWS;

/** The framework whose measures each view shows. */
export const VIEW_FRAMEWORK: Readonly<Record<ViewName, Framework>> = {
	statements: 'lancashire',
	service: 'lancashire',
	dorset: 'dorset'
};

/** The views of the frameworks given, in the dashboard's order. */
export function viewsOf(frameworks: readonly Framework[]): ViewName[] {
	return (Object.keys(VIEWS) as ViewName[]).filter((v) => frameworks.includes(VIEW_FRAMEWORK[v]));
}
