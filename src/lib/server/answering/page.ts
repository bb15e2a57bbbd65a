import type { SymbolSet } from '../symbols';
import { textIn } from '../surveys/translations';
import type { Json } from '../surveys/types';
import type { RespondentContext } from './service';
import { previousStep } from './steps';
import { stepPath } from './respondent';

/** The survey's own text is shown in the interface language when the survey has it, else English. */
export function surveyLocale(definition: Json, locale: string): string {
	const languages = Array.isArray(definition.languages) ? definition.languages : [];
	return languages.includes(locale) ? locale : 'en';
}

/** What every answering page shows around its step: survey title, symbol, back link. */
export function frame(ctx: RespondentContext, step: string, locale: string, symbols: SymbolSet) {
	const def = ctx.version.definition;
	const back = previousStep(ctx.steps, step);
	return {
		surveyTitle: textIn(def.title, surveyLocale(def, locale)),
		surveySymbol: symbols.svg(String(def.symbol)),
		back: back ? stepPath(back) : null,
		version: ctx.response.survey_version_id,
		step
	};
}
