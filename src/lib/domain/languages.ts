import { valuesOf } from './words';

/** The languages the interface and the surveys speak, in English as staff read them. */
export const LANGUAGES = { en: 'English', pl: 'Polish', ur: 'Urdu' } as const;
export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_VALUES = valuesOf(LANGUAGES);

/** How each language is named to Intl (its dates and numbers): British English, Poland's Polish. */
export const INTL_LOCALES: Record<Language, string> = { en: 'en-GB', pl: 'pl-PL', ur: 'ur-PK' };
