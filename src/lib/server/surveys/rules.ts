import type { MeasureRule, SurveyRules } from '../db/schema';
import type { Classification } from '../../domain/classifications';
import { DONT_KNOW, REFUSED, type Json } from './types';
import { questionsOf } from './walk';

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The counting rules a definition carries, keyed by question name (measure questions only). */
export function extractRules(definition: Json): SurveyRules {
	// No prototype: a question may be named `constructor` or `__proto__` and stay an own key.
	const rules: SurveyRules = Object.create(null) as SurveyRules;
	for (const q of questionsOf(definition)) {
		if (typeof q.measure !== 'string' || typeof q.name !== 'string') continue;
		rules[q.name] = {
			measure: q.measure,
			positive: asArray(q.positiveAnswers),
			notCounted: asArray(q.notCountedAnswers),
			safeguarding: asArray(q.safeguardingAnswers)
		};
	}
	return rules;
}

/**
 * PRODUCT.md's counting rule: positive when listed as positive; outside the denominator for
 * "I don't know", "I'd rather not say" and the definition's own not-counted answers; negative
 * otherwise.
 */
export function classify(rule: MeasureRule, value: unknown): Classification {
	if (rule.positive.includes(value)) return 'positive';
	if (value === DONT_KNOW || value === REFUSED || rule.notCounted.includes(value)) {
		return 'not_counted';
	}
	return 'negative';
}

export function isSafeguardingAnswer(rule: MeasureRule | undefined, value: unknown): boolean {
	return rule !== undefined && rule.safeguarding.includes(value);
}
