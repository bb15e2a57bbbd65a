/** What a provider's service is. */
export const SERVICE_KINDS = {
	short_break: 'Short breaks',
	childrens_home: 'Children’s home'
} as const;
export type ServiceKind = keyof typeof SERVICE_KINDS;
