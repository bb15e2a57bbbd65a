import { ConditionsParser, ExpressionRunner, Model } from 'survey-core';
import { registerSurveyProperties } from './properties';
import { easyReadProblems } from './easy-read';
import { QUESTION_TEXTS, SURVEY_TEXTS, translationProblems } from './translations';
import {
	CHOICE_TYPES,
	DONT_KNOW,
	MEASURABLE_TYPES,
	QUESTION_TYPES,
	REFUSED,
	RESERVED_VALUES,
	SURVEY_LEVEL,
	SURVEY_LOCALES,
	type Json,
	type Problem
} from './types';
import { choicesOf, isObject, questionsOf, valuesOf } from './walk';
import { RESPONDENTS, RESPONDENT_VALUES } from '../../domain/respondents';
import { VARIANTS, VARIANT_VALUES } from '../../domain/variants';
import { isOneOf } from '../../domain/words';

export interface CheckContext {
	measureIds: ReadonlySet<string>;
	hasSymbol(name: string): boolean;
}

const CONDITIONS = ['visibleIf', 'enableIf', 'requiredIf'];
const show = (v: unknown) => JSON.stringify(v);

function symbolProblem(ctx: CheckContext, value: unknown, what: string): string | null {
	if (value === undefined || value === null || value === '') return `${what} has no symbol`;
	if (typeof value !== 'string' || !ctx.hasSymbol(value))
		return `${what}: unknown symbol ${show(value)}`;
	return null;
}

// Survey HTML is shown as it is on information and thank-you pages: nothing that could run,
// restyle the page or send a form is allowed.
const UNSAFE_HTML =
	/<\s*(script|style|iframe|object|embed|form|input|button|link|meta|base)\b|\son[a-z]+\s*=|javascript:|\sstyle\s*=/i;

function htmlProblems(owner: Json, key: string): string[] {
	const value = owner[key];
	const texts = typeof value === 'string' ? [value] : isObject(value) ? Object.values(value) : [];
	return texts.some((t) => typeof t === 'string' && UNSAFE_HTML.test(t))
		? [
				`${key} contains markup that is not allowed (script, styles, frames, forms or event handlers)`
			]
		: [];
}

function checkSurveyLevel(def: Json, ctx: CheckContext): string[] {
	const out: string[] = [...htmlProblems(def, 'completedHtml')];
	if (!isOneOf(VARIANTS, def.variant)) {
		out.push(`variant must be one of ${VARIANT_VALUES.join(', ')} (found ${show(def.variant)})`);
	}
	if (!isOneOf(RESPONDENTS, def.respondent)) {
		out.push(
			`respondent must be one of ${RESPONDENT_VALUES.join(', ')} (found ${show(def.respondent)})`
		);
	}
	const langs = def.languages;
	if (!Array.isArray(langs) || langs.some((l) => !SURVEY_LOCALES.includes(l))) {
		out.push(
			`languages must list locales from ${SURVEY_LOCALES.join(', ')} (found ${show(langs)})`
		);
	}
	if (!('title' in def)) out.push('the survey has no title');
	const sym = symbolProblem(ctx, def.symbol, 'the survey');
	if (sym) out.push(sym);
	out.push(...translationProblems(def, SURVEY_TEXTS, localesOf(def)));
	return out;
}

function localesOf(def: Json): string[] {
	return Array.isArray(def.languages) ? def.languages.filter((l) => typeof l === 'string') : [];
}

function checkChoices(q: Json, ctx: CheckContext, locales: string[]): string[] {
	const out: string[] = [];
	const seen = new Set<string>();
	const list = choicesOf(q);
	if (q.type === 'rating' && list.length === 0) out.push('a rating needs explicit rateValues');
	if (CHOICE_TYPES.includes(q.type as string) && list.length === 0) out.push('has no choices');
	for (const c of list) {
		const label = `choice ${show(c.value)}`;
		if (c.value === undefined) out.push('a choice has no value');
		if (RESERVED_VALUES.includes(String(c.value))) {
			out.push(
				`${label}: the value is reserved by survey-core; use showDontKnowItem / showRefuseItem`
			);
		}
		if (seen.has(show(c.value))) out.push(`duplicate choice value ${show(c.value)}`);
		seen.add(show(c.value));
		if (!('text' in c)) out.push(`${label} has no text`);
		const sym = symbolProblem(ctx, c.symbol, label);
		if (sym) out.push(sym);
		out.push(...translationProblems(c, ['text'], locales).map((m) => `${label}: ${m}`));
	}
	return out;
}

function checkMeasure(q: Json, ctx: CheckContext): string[] {
	if (q.measure === undefined) {
		const stray = ['positiveAnswers', 'notCountedAnswers'].filter((k) => k in q);
		return stray.map((k) => `${k} is set but the question feeds no measure`);
	}
	const out: string[] = [];
	if (typeof q.measure !== 'string' || !ctx.measureIds.has(q.measure)) {
		out.push(`unknown measure ${show(q.measure)}`);
	}
	if (!MEASURABLE_TYPES.includes(q.type as string)) {
		out.push(`a ${q.type} question cannot feed a measure (use ${MEASURABLE_TYPES.join(', ')})`);
	}
	const values = valuesOf(q);
	const builtIn = [q.showDontKnowItem ? DONT_KNOW : null, q.showRefuseItem ? REFUSED : null];
	const positives = q.positiveAnswers;
	if (!Array.isArray(positives) || positives.length === 0) {
		out.push(`feeds ${show(q.measure)} but defines no positiveAnswers`);
	}
	for (const key of ['positiveAnswers', 'notCountedAnswers', 'safeguardingAnswers']) {
		const list = q[key];
		if (list === undefined) continue;
		if (!Array.isArray(list)) {
			out.push(`${key} must be a list of answer values`);
			continue;
		}
		const allowed = key === 'safeguardingAnswers' ? [...values, ...builtIn] : values;
		for (const v of list) {
			if (!allowed.includes(v))
				out.push(`${key} names ${show(v)}, which is not one of its answers`);
		}
	}
	return out;
}

function checkCondition(expr: unknown, key: string, names: Set<string>): string[] {
	if (typeof expr !== 'string') return [`${key} must be an expression`];
	const parser = new ConditionsParser();
	if (!parser.parseExpression(expr)) {
		return [`invalid ${key} ${show(expr)}: ${parser.error?.code ?? 'cannot be parsed'}`];
	}
	return new ExpressionRunner(expr)
		.getVariables()
		.map((v) => v.split(/[.[]/)[0] ?? v)
		.filter((v) => !names.has(v))
		.map((v) => `${key} refers to ${show(v)}, which is not a question in this survey`);
}

function checkQuestion(
	q: Json,
	ctx: CheckContext,
	locales: string[],
	names: Set<string>
): string[] {
	if (!QUESTION_TYPES.includes(q.type as string)) {
		return [`unknown question type ${show(q.type)} (allowed: ${QUESTION_TYPES.join(', ')})`];
	}
	const out: string[] = [];
	const sym = symbolProblem(ctx, q.symbol, 'the question');
	if (sym) out.push(sym);
	if (q.type === 'html' ? !('html' in q) : !('title' in q)) {
		out.push(q.type === 'html' ? 'an information page needs html' : 'the question has no title');
	}
	if (q.showDontKnowItem && !('dontKnowText' in q))
		out.push('showDontKnowItem needs a dontKnowText');
	if (q.showRefuseItem && !('refuseText' in q)) out.push('showRefuseItem needs a refuseText');
	out.push(...translationProblems(q, QUESTION_TEXTS, locales));
	out.push(...htmlProblems(q, 'html'));
	if (q.type === 'boolean') {
		for (const key of ['symbolTrue', 'symbolFalse']) {
			const p = symbolProblem(ctx, q[key], key);
			if (p) out.push(p);
		}
	}
	out.push(...checkChoices(q, ctx, locales));
	out.push(...checkMeasure(q, ctx));
	for (const key of CONDITIONS) if (key in q) out.push(...checkCondition(q[key], key, names));
	return out;
}

/** Every problem in one parsed definition. `file` names it in the messages. */
export function checkDefinition(file: string, def: Json, ctx: CheckContext): Problem[] {
	registerSurveyProperties();
	const problems: Problem[] = [];
	const add = (question: string, messages: string[]) => {
		for (const message of messages) problems.push({ file, question, message });
	};
	add(SURVEY_LEVEL, checkSurveyLevel(def, ctx));
	const questions = questionsOf(def);
	if (questions.length === 0) add(SURVEY_LEVEL, ['the survey has no questions']);
	const names = new Set<string>();
	const measureOwner = new Map<string, string>();
	questions.forEach((q, i) => {
		const name = typeof q.name === 'string' && q.name ? q.name : `(question ${i + 1})`;
		if (name.startsWith('(')) add(name, ['the question has no name']);
		else if (names.has(name)) add(name, ['duplicate name: another question has the same name']);
		// Answers and rules are keyed by own keys, so `constructor` or `toString` are ordinary names;
		// survey-core keeps values in plain objects, where this one would replace the prototype.
		else if (name === '__proto__')
			add(name, ['the name "__proto__" is the object prototype in JavaScript: choose another']);
		names.add(name);
		if (typeof q.measure === 'string') {
			const other = measureOwner.get(q.measure);
			if (other)
				add(name, [`${show(q.measure)} is already fed by ${other}: one question per measure`]);
			else measureOwner.set(q.measure, name);
		}
	});
	questions.forEach((q, i) => {
		const name = typeof q.name === 'string' && q.name ? q.name : `(question ${i + 1})`;
		add(name, checkQuestion(q, ctx, localesOf(def), names));
		if (def.respondent === 'child') add(name, easyReadProblems(q));
	});
	if (def.respondent === 'child') add(SURVEY_LEVEL, easyReadProblems(def, SURVEY_TEXTS));
	// survey-core's own reading of the file: anything it cannot place is a mistake too (skipped
	// when a type is already unknown, which it would report again less clearly).
	if (!questions.some((q) => !QUESTION_TYPES.includes(q.type as string))) {
		const model = new Model(def);
		add(
			SURVEY_LEVEL,
			(model.jsonErrors ?? []).map((e) => `survey-core: ${e.message}`)
		);
		model.dispose();
	}
	return problems;
}
