import * as activity from './activity-items';
import * as entered from './entered-items';
import type { ItemBuilder, ItemFigures, ItemInputs } from './item-figures';
import type { ItemId, ItemOf } from './items';
import { measure, withEvidence } from './survey-items';

/**
 * Each item of the register (./items) with the builder that works out its figures. The type is
 * the register's own: an item without a builder, a builder for no item, or a builder for another
 * source than the item declares (a survey builder for a recorded item) fails the type check.
 */
const BUILDERS: { [K in ItemId]: ItemBuilder<ItemOf<K>> } = {
	children_hours: activity.childrenHours,
	referrals: entered.referrals,
	sessions_attended: activity.sessionsAttended,
	explanations: entered.explanations,
	incidents: entered.incidents,
	activity_types: activity.activityTypes,
	cancellations: activity.cancellations,
	rating: entered.rating,
	'carer.satisfied': measure,
	'carer.cope': measure,
	'cyp.impact': measure,
	'cyp.goals': measure,
	explanations_again: entered.explanations,
	'cyp.enjoy': measure,
	'family.choice': withEvidence('choice_evidence'),
	'voice.communicate': measure,
	'voice.listened': measure,
	'voice.decisions': measure,
	'fun.enjoy': measure,
	'fun.friends': measure,
	'safe.help': measure,
	'safe.confidence': measure,
	'safe.learning': measure,
	'safe.feel_safe': measure,
	'included.local': measure,
	'included.area': measure,
	'package.outcomes': measure,
	evaluations: activity.evaluations,
	'family.advice': withEvidence('advice_evidence')
};

/** One item's figures, by its builder. */
export function buildItem<K extends ItemId>(
	id: K,
	item: ItemOf<K>,
	inputs: ItemInputs
): ItemFigures {
	return BUILDERS[id](item, inputs);
}
