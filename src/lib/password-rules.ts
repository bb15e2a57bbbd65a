/** Shared by the server's check and the page's hint. */
export const MIN_PASSWORD_LENGTH = 12;
