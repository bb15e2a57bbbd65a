import { safeReturnPath } from './display';

/**
 * Pages a child sees in the middle of a survey: its questions and the pages between them, and
 * the display choices opened from one of them. The header leads nowhere else from these, so a
 * tap on the site's name cannot take a child out of their survey.
 */
export function isAnsweringPage(url: URL): boolean {
	const inSurvey = (path: string) => /^\/answer(\/|$)/.test(path);
	if (inSurvey(url.pathname)) return true;
	return url.pathname === '/display' && inSurvey(safeReturnPath(url.searchParams.get('return')));
}
