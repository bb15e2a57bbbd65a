import type { FieldErrors } from '../forms/staff';

/** What saving an organisation's form gives back: the record's id, or an error per field. */
export type Saved = { ok: true; id: string } | { ok: false; errors: FieldErrors };

export const refused = (errors: FieldErrors): Saved => ({ ok: false, errors });

export const hasAny = (errors: FieldErrors) => Object.keys(errors).length > 0;
