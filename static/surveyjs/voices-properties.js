// Voices' own SurveyJS properties, for a council's Survey Creator page: see docs/surveyjs.md.
// Written by `npm run surveyjs:publish` from src/lib/surveyjs/properties.ts and the app's lists; do not edit.
export const VOICES_CATEGORY = 'Voices';
const answer = (item) => ({ value: item.value, text: item.text });
/** The answers a question offers, in order: what its answer lists may name. */
export function answersOf(question, withBuiltIns = false) {
	const type = question.getType();
	let list = [];
	if (type === 'boolean') {
		list = [
			{ value: true, text: question.labelTrue ?? 'Yes' },
			{ value: false, text: question.labelFalse ?? 'No' }
		];
	} else if (type === 'rating') {
		const own = question.rateValues ?? [];
		list = (own.length ? own : (question.visibleRateValues ?? [])).map(answer);
	} else if (Array.isArray(question.choices)) {
		list = question.choices.map(answer);
	}
	if (withBuiltIns && question.showDontKnowItem && question.dontKnowItem) {
		list.push(answer(question.dontKnowItem));
	}
	if (withBuiltIns && question.showRefuseItem && question.refuseItem) {
		list.push(answer(question.refuseItem));
	}
	return list;
}
/**
 * Each property as `[class, settings]`, in the order the property grid shows them. None is marked
 * `isRequired`: survey-core would report a missing one beside the check's own, clearer message.
 */
export function voicesProperties(v) {
	const category = VOICES_CATEGORY;
	const symbol = (displayName) => ({
		name: 'symbol',
		displayName,
		type: 'dropdown',
		category,
		choices: v.symbols
	});
	const measurable = (q) => v.measurableTypes.includes(q.getType());
	const answerList = (name, displayName, builtIns, visibleIf) => ({
		name,
		displayName,
		type: 'multiplevalues',
		category,
		// Offered from the question's own answers (refreshed when they change: see ANSWER_SOURCES).
		choices: (q) => (q ? answersOf(q, builtIns) : []),
		dependsOn: ['measure'],
		visibleIf
	});
	return [
		[
			'survey',
			{
				name: 'variant',
				displayName: 'Variant',
				type: 'dropdown',
				category,
				choices: v.variants
			}
		],
		[
			'survey',
			{
				name: 'respondent',
				displayName: 'Who answers',
				type: 'dropdown',
				category,
				choices: v.respondents
			}
		],
		[
			'survey',
			{
				name: 'languages',
				displayName: 'Languages besides English',
				type: 'multiplevalues',
				category,
				choices: v.locales
			}
		],
		// Per locale, the review state of its translations: kept, not edited in the grid.
		['survey', { name: 'translationReview', type: 'object', category, visible: false }],
		['survey', symbol('Symbol on the start and thank-you pages')],
		['question', symbol('Symbol')],
		['question', { name: 'audio', displayName: 'Recorded reading', category }],
		[
			'question',
			{
				name: 'measure',
				displayName: 'Measure it feeds',
				type: 'dropdown',
				category,
				choices: v.measures,
				visibleIf: measurable
			}
		],
		['question', answerList('positiveAnswers', 'Positive answers', false, measurable)],
		['question', answerList('notCountedAnswers', 'Answers not counted', false, measurable)],
		[
			'question',
			answerList(
				'safeguardingAnswers',
				'Answers that raise a safeguarding alert',
				true,
				(q) => answersOf(q).length > 0
			)
		],
		['boolean', { ...symbol('Symbol for the "yes" answer'), name: 'symbolTrue' }],
		['boolean', { ...symbol('Symbol for the "no" answer'), name: 'symbolFalse' }],
		['itemvalue', { ...symbol('Symbol'), locationInTable: 'both' }],
		[
			'itemvalue',
			{ name: 'audio', displayName: 'Recorded reading', category, locationInTable: 'detail' }
		]
	];
}
const ANSWER_LISTS = ['positiveAnswers', 'notCountedAnswers', 'safeguardingAnswers'];
// The properties an answer list is drawn from. They live on subclasses of `question`, where the
// lists are registered, so `dependsOn` cannot name them: each is told of the lists instead.
const ANSWER_SOURCES = [
	['selectbase', 'choices'],
	['selectbase', 'showDontKnowItem'],
	['selectbase', 'showRefuseItem'],
	['rating', 'rateValues'],
	['boolean', 'labelTrue'],
	['boolean', 'labelFalse']
];
/**
 * Registers the properties with `serializer` (survey-core's `Serializer`). Calling it again
 * replaces them, so a page may register with lists of its own.
 */
export function registerVoicesProperties(serializer, v) {
	for (const [className, info] of voicesProperties(v)) {
		if (serializer.findProperty(className, info.name)?.isCustom) {
			serializer.removeProperty(className, info.name);
		}
		serializer.addProperty(className, info);
	}
	for (const [className, name] of ANSWER_SOURCES) {
		const source = serializer.findProperty(className, name);
		for (const list of ANSWER_LISTS) source?.addDependedProperty(list);
	}
}

/** This version's lists: variants, respondents, locales, measures, symbols, measurable types. */
export const vocabulary = {
	variants: [
		{ value: 'symbols', text: 'Symbols' },
		{ value: 'standard', text: 'Standard' },
		{ value: 'carer', text: 'Carer form' },
		{ value: 'staff-review', text: 'Staff review' },
		{ value: 'childrens-home', text: "Children's home" }
	],
	respondents: [
		{ value: 'child', text: 'Child' },
		{ value: 'carer', text: 'Parent or carer' },
		{ value: 'staff', text: 'Staff' }
	],
	locales: [
		{ value: 'pl', text: 'Polish' },
		{ value: 'ur', text: 'Urdu' }
	],
	measures: [
		{
			value: 'voice.communicate',
			text: 'voice.communicate: % of children and young people who report that they have the support they need to communicate their needs'
		},
		{
			value: 'voice.listened',
			text: 'voice.listened: % of children and young people who report that their choices and preferences are listened to'
		},
		{
			value: 'voice.decisions',
			text: 'voice.decisions: % of children and young people who report that they can contribute to decision making regarding their care'
		},
		{
			value: 'fun.enjoy',
			text: 'fun.enjoy: % of children and young people who say they have fun and like going to their short break'
		},
		{
			value: 'fun.friends',
			text: 'fun.friends: % of children and young people who report that they are making new friends and developing positive relationships'
		},
		{
			value: 'safe.help',
			text: 'safe.help: % of children and young people that say they have the help that they need to take part in a short break'
		},
		{
			value: 'safe.learning',
			text: 'safe.learning: % of children and young people who report that they are learning new things and having new experiences'
		},
		{
			value: 'safe.feel_safe',
			text: 'safe.feel_safe: % of children and young people who feel safe during their short break'
		},
		{
			value: 'included.local',
			text: 'included.local: % of children and young people who report that they can access and take part in short breaks in their local community'
		},
		{
			value: 'included.area',
			text: 'included.area: % of children and young people who report that they can access and engage with short break services in their area'
		},
		{
			value: 'safe.confidence',
			text: 'safe.confidence: % of carers who feel that their child or young person has gained confidence'
		},
		{
			value: 'carer.satisfied',
			text: 'carer.satisfied: Number of parent/carers reporting service satisfaction'
		},
		{
			value: 'carer.cope',
			text: 'carer.cope: Number of parents / carers who report improved ability to cope'
		},
		{
			value: 'cyp.impact',
			text: 'cyp.impact: Number of children and young people reporting that short breaks have had a positive impact on their life'
		},
		{
			value: 'cyp.goals',
			text: 'cyp.goals: Number of children and young people who feel they have been supported to achieve their agreed goals'
		},
		{
			value: 'cyp.enjoy',
			text: 'cyp.enjoy: Number of children and young people who report enjoyment of the service'
		},
		{
			value: 'family.choice',
			text: 'family.choice: Children and young people and their families are actively involved in and supported to make informed choices about the services they receive'
		},
		{
			value: 'family.advice',
			text: 'family.advice: Children, young people and families are aware of and have access to advice, information and support for health, education and social care services'
		},
		{
			value: 'package.outcomes',
			text: 'package.outcomes: Number and % of packages which achieve outcomes as per care plan'
		},
		{
			value: 'dorset.1.1',
			text: 'dorset.1.1: The child does not experience and is not at risk of experiencing significant harm.'
		},
		{
			value: 'dorset.1.2',
			text: 'dorset.1.2: The child is not at risk of criminal or sexual exploitation.'
		},
		{ value: 'dorset.1.3', text: 'dorset.1.3: The child does not go missing from care.' },
		{
			value: 'dorset.1.4',
			text: 'dorset.1.4: The child is able to demonstrate the knowledge and skills that will enable them to adopt safe practices in situations at home, at school or in the community.'
		},
		{
			value: 'dorset.1.5',
			text: 'dorset.1.5: The child does not experience bullying, nor are they involved in the bullying of others.'
		},
		{
			value: 'dorset.1.6',
			text: 'dorset.1.6: The child is emotionally attached to their primary carer'
		},
		{
			value: 'dorset.1.7',
			text: 'dorset.1.7: The child is able to use a computer and other forms of electrical communication effectively and safely.'
		},
		{
			value: 'dorset.2.1',
			text: 'dorset.2.1: The child accesses suitable healthcare, and support in learning to make healthy and safe choices.'
		},
		{
			value: 'dorset.2.2',
			text: 'dorset.2.2: The child attends routine appointments with health professionals and receive appropriate treatment where required. This ensures that they experience good eyesight, hearing, oral health, sexual health, and mental health.'
		},
		{
			value: 'dorset.2.3',
			text: 'dorset.2.3: Where the child has a disability or degenerative condition, their specific needs arising from this are addressed to enable them to achieve the best quality of life possible.'
		},
		{
			value: 'dorset.3.1',
			text: 'dorset.3.1: The child demonstrates knowledge and use of coping strategies to address adverse life events.'
		},
		{
			value: 'dorset.4.1',
			text: 'dorset.4.1: The child can identify their strengths or good qualities and are encouraged to try new things.'
		},
		{
			value: 'dorset.5.1',
			text: 'dorset.5.1: The child is supported in understanding his/her emotions and the emotions of others.'
		},
		{
			value: 'dorset.5.2',
			text: 'dorset.5.2: The child is taught to manage and resolve conflicts in constructive ways.'
		},
		{
			value: 'dorset.5.3',
			text: 'dorset.5.3: The child demonstrates positive emotional wellbeing and good mental health, being supported to access services when needed.'
		},
		{
			value: 'dorset.6.1',
			text: 'dorset.6.1: The child is allowed and encouraged to take responsibility (age appropriately) for themselves and others.'
		},
		{
			value: 'dorset.6.2',
			text: 'dorset.6.2: The child feels included in important day to day decisions that affect them, has the opportunity to ask questions about their plan and is encouraged to give their view.'
		},
		{
			value: 'dorset.6.3',
			text: 'dorset.6.3: The child has knowledge of and access to independent advocacy services.'
		},
		{
			value: 'dorset.6.4',
			text: 'dorset.6.4: The child develops a level of independence appropriate for their age or stage.'
		},
		{
			value: 'dorset.7.1',
			text: 'dorset.7.1: The child knows that people care about them, and they feel close to others.'
		},
		{
			value: 'dorset.7.2',
			text: 'dorset.7.2: The child is supported to develop skills to interact with other people, form friendships and sustain good relationships with family/carers and others.'
		},
		{
			value: 'dorset.8.1',
			text: 'dorset.8.1: The child participates in education and experiences achievement in their learning, and in all other aspects of their lives.'
		},
		{
			value: 'dorset.8.2',
			text: 'dorset.8.2: The child has a variety of hobbies and interests and opportunities to develop these.'
		},
		{
			value: 'dorset.8.3',
			text: "dorset.8.3: The child takes part in household tasks appropriate to their age and ability and receives recognition to the contribution they make to the day-to-day running of the children's home."
		},
		{
			value: 'dorset.9.1',
			text: 'dorset.9.1: The child has a positive sense of his/her ethnicity in the family as a black or minority ethnic child.'
		},
		{
			value: 'dorset.9.2',
			text: 'dorset.9.2: Religious, spiritual and or culturally specific needs are taken into consideration and links with the religious and cultural practices of their birth family are strengthened.'
		},
		{
			value: 'dorset.9.3',
			text: 'dorset.9.3: The child is comfortable with their identity as a child in care, and where appropriate, undertakes life story work.'
		},
		{
			value: 'dorset.10.1',
			text: 'dorset.10.1: The child experiences, and is involved in decisions about, planned changes to their care, education or health arrangements that are focused on their needs and timeframe. The child does not experience unplanned changes to arrangements.'
		},
		{
			value: 'dorset.10.2',
			text: 'dorset.10.2: The child or young person engages in further education, employment or training when they leave school'
		},
		{
			value: 'dorset.10.3',
			text: 'dorset.10.3: The child or young person has a reasonable understanding of how financial institutions work and how to manage money properly'
		},
		{
			value: 'dorset.10.4',
			text: 'dorset.10.4: The child or young person has access to and takes part in a variety of social, sporting and cultural activities (outside of the care setting), appropriate to their individual needs'
		},
		{
			value: 'dorset.10.5',
			text: 'dorset.10.5: The child or young person progressively gains independent living skills in areas of essential daily living activities appropriate to their age and level of development as they grow older'
		},
		{
			value: 'dorset.10.6',
			text: 'dorset.10.6: The child or young person positively participates in, and contributes to, community life.'
		}
	],
	symbols: [
		'achieved',
		'advice',
		'advocate',
		'angry',
		'area',
		'bank',
		'bullying',
		'calendar',
		'calm',
		'camping',
		'care',
		'change',
		'child',
		'choose',
		'cleaning',
		'college',
		'community',
		'computer',
		'confidence',
		'cooking',
		'cope',
		'culture',
		'decide',
		'disability',
		'dont-know',
		'family',
		'feelings',
		'food',
		'friends',
		'fun',
		'future',
		'games',
		'goals',
		'happy',
		'health',
		'healthy-food',
		'hello',
		'help',
		'hobbies',
		'home',
		'independent',
		'information',
		'internet',
		'learn',
		'listen',
		'local',
		'love',
		'me',
		'medicine',
		'money',
		'music',
		'new-things',
		'no',
		'not-achieved',
		'not-satisfied',
		'outdoors',
		'partly',
		'phone',
		'plan',
		'proud',
		'puzzle',
		'question',
		'rather-not',
		'responsibility',
		'rules',
		'running-away',
		'sad',
		'safe',
		'satisfied',
		'school',
		'shopping',
		'sleep',
		'sometimes',
		'sport',
		'star',
		'swimming',
		'talk',
		'telephone',
		'thank-you',
		'time',
		'together',
		'travel',
		'work',
		'worried',
		'write',
		'yes'
	],
	measurableTypes: ['radiogroup', 'rating', 'boolean', 'dropdown', 'imagepicker']
};

/**
 * Registers Voices' properties with survey-core's `Serializer` (`Survey.Serializer` on a page
 * that loads survey-core as a script), offering `lists` (by default this version's).
 */
export function register(serializer, lists = vocabulary) {
	registerVoicesProperties(serializer, lists);
}
