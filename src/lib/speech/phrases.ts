/** Childline's number, shown and read on its own after the words before it (`/answer/support`). */
export const CHILDLINE_NUMBER = '0800 1111';
