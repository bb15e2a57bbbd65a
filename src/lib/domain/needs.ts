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

export const HOUR_TYPES = {
	personal_care_hours: 'Personal care',
	short_break_daytime_hours: 'Short break daytime',
	break_time_hours: 'Break Time',
	break_time_plus_hours: 'Break Time Plus',
	overnight_hours: 'Overnight'
} as const;
export type HourType = keyof typeof HOUR_TYPES;

export const SOURCES = {
	annual_review: 'Annual review',
	end_of_care_package: 'End of care package report',
	satisfaction_survey: 'Satisfaction survey',
	family_review: 'Family review'
} as const;
