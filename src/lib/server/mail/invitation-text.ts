import { translator, type Locale } from '../../i18n';

// What a parent or carer is sent with their invitation, in the invitation's language: who asks,
// the link, until when. Never the child's name or reference: a message can be read over a
// shoulder, and an address typed wrong reaches a stranger.

export interface InvitationText {
	subject: string;
	/** The email's text. */
	body: string;
	/** The text message: one short paragraph. */
	text: string;
}

export function carerInvitation(
	locale: Locale,
	m: { provider: string; link: string; expiresAt: Date }
): InvitationText {
	const t = translator(locale);
	const date = new Intl.DateTimeFormat(locale, {
		dateStyle: 'long',
		timeZone: 'Europe/London'
	}).format(m.expiresAt);
	const values = { provider: m.provider, link: m.link, date };
	return {
		subject: t('invitationMessage.subject'),
		body: ['asks', 'answer', 'until', 'ignore']
			.map((k) => t(`invitationMessage.${k}`, values))
			.join('\n\n'),
		text: t('invitationMessage.text', values)
	};
}
