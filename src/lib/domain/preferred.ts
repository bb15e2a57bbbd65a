/**
 * A form's choice meaning "what the child's record prefers": their version of the survey (under
 * the provider's commissions) or their language. Resolved child by child on the server.
 */
export const PREFERRED = 'preferred';
