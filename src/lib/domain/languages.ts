import { valuesOf } from './words';

/** The languages the interface and the surveys speak, in English as staff read them. */
export const LANGUAGES = { en: 'English', pl: 'Polish', ur: 'Urdu' } as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_VALUES = valuesOf(LANGUAGES);
