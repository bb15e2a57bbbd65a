/** Pages for staff (English only, with the staff header) rather than for children and carers. */
export function isStaffPath(path: string): boolean {
	return /^\/(staff|sign-in|sign-out|reset|unlock)(\/|$)/.test(path);
}
