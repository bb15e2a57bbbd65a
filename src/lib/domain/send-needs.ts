import { valuesOf } from './words';

/** SEND needs as recorded for a child (the SEN2 primary-need groups, shortened). */
export const SEND_NEEDS = {
	autism: 'Autism',
	learning_disability: 'Learning disability',
	speech_language_communication: 'Speech, language and communication',
	social_emotional_mental_health: 'Social, emotional and mental health',
	sensory: 'Hearing or vision impairment',
	physical: 'Physical disability',
	other: 'Other need'
} as const;
export type SendNeed = keyof typeof SEND_NEEDS;
export const SEND_NEED_VALUES = valuesOf(SEND_NEEDS);
