import { RETURN_KIND_IDS, type ReturnKind } from '../../domain/return-kinds';

/**
 * Every item of Lancashire's Performance and Outcome Monitoring Framework (Schedule 2, section
 * 2.2), in the seed's order and wording, under its four headings. The quarterly and annual
 * returns carry every item; the monthly claim form carries the Break Time items the seed names
 * for it. An item's figures come from one of:
 * - `activity`: the sessions and care packages the provider recorded;
 * - `entered`: what the provider types into the return itself;
 * - `measure`: the survey answers, counted as on the dashboard (with small-number suppression);
 * - `reports`: the end of care package reports completed in the period.
 * ./builders gives each item, by its id, the builder that works out its figures.
 */

export type SectionId = 'how_much' | 'how_well' | 'quality' | 'difference';

export const SECTIONS: Record<SectionId, string> = {
	how_much: 'How much did we do?',
	how_well: 'How well did we do it?',
	quality: 'Quality and outcomes',
	difference: 'What difference did we make?'
};

interface ItemBase {
	id: string;
	section: SectionId;
	label: string;
	/** The seed's "How often this will be reported". */
	reportedIn: string;
	/** A Lancashire outcome statement the item sits under, for the % measures. */
	statement?: string;
	kinds: readonly ReturnKind[];
}

/** An item built from what was recorded or typed, not from the survey. */
export interface RecordedItem extends ItemBase {
	from: 'activity' | 'entered' | 'reports';
}

/** An item with a survey measure's figures (and, for `entered+measure`, the provider's evidence). */
export interface SurveyItem extends ItemBase {
	from: 'measure' | 'entered+measure';
	/** The survey measure the figure comes from. */
	measureId: string;
}

const ALL = RETURN_KIND_IDS;
const QA: readonly ReturnKind[] = ['quarterly', 'annual'];
const REVIEWS =
	'Annual review process, End of Care Package Report, Provider’s service user satisfaction survey, Family Review Process';

const EXPLANATION =
	'Where a referral has not led to a service or where the placement breaks down, the Provider will provide an explanation';

function percent<const Id extends string>(
	measureId: Id,
	statement: string,
	label: string,
	reportedIn = REVIEWS
): SurveyItem & { id: Id; from: 'measure' } {
	return {
		id: measureId,
		section: 'quality',
		statement,
		label,
		reportedIn,
		from: 'measure',
		measureId,
		kinds: QA
	};
}

export const ITEMS = [
	{
		id: 'children_hours',
		section: 'how_much',
		label:
			'List of children and young people provided with care package including: name, date of birth, number of personal care/ short break daytime/ break time/break time plus, overnight short break hours provided',
		reportedIn:
			'Quarterly provider return, Monthly provider returns for Break Time activity (Claim Form)',
		from: 'activity',
		kinds: ALL
	},
	{
		id: 'referrals',
		section: 'how_much',
		label: 'Number of referrals received, and number accepted',
		reportedIn: 'Quarterly provider return',
		from: 'entered',
		kinds: QA
	},
	{
		id: 'sessions_attended',
		section: 'how_much',
		label:
			'Number of Break Time and Break Time Plus sessions attended by children and young people',
		reportedIn: 'Monthly provider returns for Break Time activity (Claim Form)',
		from: 'activity',
		kinds: ALL
	},
	{
		id: 'explanations',
		section: 'how_much',
		label: EXPLANATION,
		reportedIn: 'Quarterly provider return',
		from: 'entered',
		kinds: QA
	},
	{
		id: 'incidents',
		section: 'how_much',
		label: 'Number and summary of notifiable incidents made to Ofsted/CQC',
		reportedIn: 'Quarterly provider return',
		from: 'entered',
		kinds: QA
	},
	{
		id: 'activity_types',
		section: 'how_much',
		label: 'Type of Break Time activities organised',
		reportedIn:
			'Quarterly provider return, Monthly provider returns for Break Time activity (Claim Form)',
		from: 'activity',
		kinds: ALL
	},
	{
		id: 'cancellations',
		section: 'how_much',
		label: 'Number of cancellations a) by Provider; b) by family',
		reportedIn: 'Quarterly provider return',
		from: 'activity',
		kinds: QA
	},
	{
		id: 'rating',
		section: 'how_well',
		label: 'Ofsted/CQC rating (annual and interim)',
		reportedIn: 'Quarterly provider return / on receiving Ofsted/CQC confirmation',
		from: 'entered',
		kinds: QA
	},
	{
		id: 'carer.satisfied',
		section: 'how_well',
		label: 'Number of parent/carers reporting service satisfaction',
		reportedIn: 'Quarterly provider return, Provider’s service user satisfaction survey',
		from: 'measure',
		measureId: 'carer.satisfied',
		kinds: QA
	},
	{
		id: 'carer.cope',
		section: 'how_well',
		label: 'Number of parents / carers who report improved ability to cope',
		reportedIn:
			'Family Review Process, Provider’s service user satisfaction survey, End of Care Package Report',
		from: 'measure',
		measureId: 'carer.cope',
		kinds: QA
	},
	{
		id: 'cyp.impact',
		section: 'how_well',
		label:
			'Number of children and young people reporting that short breaks have had a positive impact on their life',
		reportedIn: REVIEWS,
		from: 'measure',
		measureId: 'cyp.impact',
		kinds: QA
	},
	{
		id: 'cyp.goals',
		section: 'how_well',
		label:
			'Number of children and young people who feel they have been supported to achieve their agreed goals',
		reportedIn: 'Quarterly provider return',
		from: 'measure',
		measureId: 'cyp.goals',
		kinds: QA
	},
	{
		id: 'explanations_again',
		section: 'how_well',
		label: EXPLANATION,
		reportedIn: 'Quarterly provider return',
		from: 'entered',
		kinds: QA
	},
	{
		id: 'cyp.enjoy',
		section: 'quality',
		label: 'Number of children and young people who report enjoyment of the service',
		reportedIn: REVIEWS,
		from: 'measure',
		measureId: 'cyp.enjoy',
		kinds: QA
	},
	{
		id: 'family.choice',
		section: 'quality',
		label:
			'Children and young people and their families are actively involved in and supported to make informed choices about the services they receive',
		reportedIn: 'Annual provider return, service user satisfaction survey',
		from: 'entered+measure',
		measureId: 'family.choice',
		kinds: QA
	},
	percent(
		'voice.communicate',
		'My voice is heard',
		'% of children and young people who report that they have the support they need to communicate their needs'
	),
	percent(
		'voice.listened',
		'My voice is heard',
		'% of children and young people who report that their choices and preferences are listened to'
	),
	percent(
		'voice.decisions',
		'My voice is heard',
		'% of children and young people who report that they can contribute to decision making regarding their care'
	),
	percent(
		'fun.enjoy',
		'I have fun',
		'% of children and young people who say they have fun and like going to their short break'
	),
	percent(
		'fun.friends',
		'I have fun',
		'% of children and young people with who report that they are making new friends and developing positive relationships'
	),
	percent(
		'safe.help',
		'I have the help I need and, I feel safe',
		'% of children and young people that say they have the help that they need to take part in a short break'
	),
	percent(
		'safe.confidence',
		'I have the help I need and, I feel safe',
		'% of carers feel that their children and young people has gained confidence'
	),
	percent(
		'safe.learning',
		'I have the help I need and, I feel safe',
		'% of children and young people who report that they are learning new things and having new experiences'
	),
	percent(
		'safe.feel_safe',
		'I have the help I need and, I feel safe',
		'% of children and young people who feel safe during their short break'
	),
	percent(
		'included.local',
		'I am included and active in my local community',
		'% children and young people who report that they can access and take part in short breaks in their local community'
	),
	percent(
		'included.area',
		'I am included and active in my local community',
		'% of CYP who report that they can access and engage with short break services in their area'
	),
	{
		id: 'package.outcomes',
		section: 'difference',
		label: 'Number and % of packages which achieve outcomes as per care plan',
		reportedIn:
			'Family Review Process, End of Care Package Report, Provider’s service user satisfaction survey',
		from: 'measure',
		measureId: 'package.outcomes',
		kinds: QA
	},
	{
		id: 'evaluations',
		section: 'difference',
		label: 'Evaluation of individual outcomes achieved through the short break(s)',
		reportedIn: 'End of Care Package Report',
		from: 'reports',
		kinds: QA
	},
	{
		id: 'family.advice',
		section: 'difference',
		label:
			'Evidence children, young people and families are aware of and have access to advice, information and support for health, education and social care services',
		reportedIn: 'Family Review Process, Annual provider return',
		from: 'entered+measure',
		measureId: 'family.advice',
		kinds: QA
	}
] as const satisfies readonly (RecordedItem | SurveyItem)[];

export type Item = (typeof ITEMS)[number];
export type ItemId = Item['id'];
/** The register's own entry for an id, with its literal type. */
export type ItemOf<K extends ItemId> = Extract<Item, { id: K }>;

export function itemsFor(kind: ReturnKind): Item[] {
	return ITEMS.filter((i) => i.kinds.includes(kind));
}
