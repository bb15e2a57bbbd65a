import i18next, { type TFunction } from 'i18next';
import en from './locales/en.json';
import pl from './locales/pl.json';
import ur from './locales/ur.json';
import { LANGUAGE_VALUES, type Language } from '../domain/languages';

// Interface text for every page; survey text comes from survey-core's localisable strings.
export const locales = LANGUAGE_VALUES;
export type Locale = Language;
export const resources = { en, pl, ur };
const rtl: ReadonlySet<string> = new Set(['ur']);

const instance = i18next.createInstance();
void instance.init({
	initAsync: false,
	lng: 'en',
	fallbackLng: 'en',
	supportedLngs: [...locales],
	resources: Object.fromEntries(locales.map((l) => [l, { translation: resources[l] }])),
	interpolation: { escapeValue: false }
});

export const isLocale = (v: unknown): v is Locale => (locales as readonly unknown[]).includes(v);

export function direction(locale: Locale): 'ltr' | 'rtl' {
	return rtl.has(locale) ? 'rtl' : 'ltr';
}

export function translator(locale: Locale): TFunction {
	return instance.getFixedT(locale);
}

/** The locale a translator from `translator` speaks (i18next keeps it on the function). */
export function localeOf(t: TFunction): Locale {
	const lng = (t as unknown as { lng?: unknown }).lng;
	return isLocale(lng) ? lng : 'en';
}

/** The locale asked for in the URL, else remembered in a cookie, else the browser's best match. */
export function pickLocale(
	query: string | null,
	cookie: string | undefined,
	accept: string | null
): Locale {
	if (isLocale(query)) return query;
	if (isLocale(cookie)) return cookie;
	for (const part of (accept ?? '').split(',')) {
		const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
		if (isLocale(tag)) return tag;
	}
	return 'en';
}
