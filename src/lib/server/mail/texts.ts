import { ukDate, ukDateTime } from '../../calendar/dates';
import { RETURN_KINDS, type ReturnKind } from '../../domain/return-kinds';

// What each notification says, as GOV.UK writes messages: what happened, and where to sign in.
// Never a child's name, reference or answers, nor a carer's details: a message can be read over a
// shoulder, forwarded or kept in a mailbox for years. Links are ORIGIN and a path of ids only.

export interface Text {
	subject: string;
	body: string;
}

const FOOT =
	'This message does not include details about any child. Sign in to Voices to see them.\n\n' +
	'Do not reply to this message: replies are not read.';

const letter = (subject: string, ...paragraphs: string[]): Text => ({
	subject,
	body: [...paragraphs, FOOT].join('\n\n')
});

const link = (origin: string, path: string) => new URL(path, origin).href;

export function alertRaised(origin: string, alert: { id: string; dueAt: Date }): Text {
	return letter(
		'Safeguarding alert: please look at it now',
		'A child’s answer to a survey has raised a safeguarding alert at a service you are the ' +
			'safeguarding lead for.',
		`Sign in to see the alert and acknowledge it:\n${link(origin, `/staff/alerts/${alert.id}`)}`,
		`It is due to be acknowledged by ${ukDateTime(alert.dueAt.toISOString())} (UK time).`
	);
}

export function alertOverdue(origin: string, alert: { id: string }): Text {
	return letter(
		'Safeguarding alert not acknowledged in time',
		'A safeguarding alert at one of your provider’s services has passed its due time and nobody ' +
			'has acknowledged it yet.',
		`Sign in to see the alert:\n${link(origin, `/staff/alerts/${alert.id}`)}`
	);
}

export function alertSummary(origin: string, counts: { open: number; overdue: number }): Text {
	const open =
		counts.open === 1 ? '1 safeguarding alert is' : `${counts.open} safeguarding alerts are`;
	return letter(
		`Open safeguarding alerts: ${counts.open}`,
		`${open} open at services you are the safeguarding lead for, ${counts.overdue} of them past ` +
			'their due time.',
		`Sign in to see them:\n${link(origin, '/staff/alerts')}`
	);
}

export function passwordLink(
	origin: string,
	link_: { path: string; hours: number; first: boolean; setUp?: boolean }
): Text {
	if (link_.setUp)
		return letter(
			'Set up your sign-in for Voices',
			'Your administrator has made a link for you to set up the authenticator app you give a code from after signing in with your organisation’s account:',
			link(origin, link_.path),
			`The link works once, for ${link_.hours} hours. If you did not expect this message, tell ` +
				'your administrator and do not use the link.'
		);
	return letter(
		link_.first ? 'Set your password for Voices' : 'Reset your password for Voices',
		link_.first
			? 'An account has been made for you on Voices. Use this link to set your password:'
			: 'Your administrator has made a link for you to set a new password:',
		link(origin, link_.path),
		`The link works once, for ${link_.hours} hours. If you did not expect this message, tell ` +
			'your administrator and do not use the link.'
	);
}

export interface ReturnAbout {
	kind: ReturnKind;
	periodLabel: string;
	councilName: string;
	providerName: string;
	dueOn: string;
	path: string;
}

const named = (r: ReturnAbout) => `${RETURN_KINDS[r.kind]} for ${r.periodLabel}`;

export function returnDue(origin: string, r: ReturnAbout, today: boolean): Text {
	const when = today ? 'today' : `on ${ukDate(r.dueOn)}`;
	return letter(
		today ? 'A return is due today' : `A return is due on ${ukDate(r.dueOn)}`,
		`The ${named(r)} to ${r.councilName} is due ${when}.`,
		`Sign in to fill it in and submit it:\n${link(origin, r.path)}`
	);
}

export function returnOverdue(origin: string, r: ReturnAbout): Text {
	return letter(
		'A return is overdue',
		`The ${named(r)} to ${r.councilName} was due on ${ukDate(r.dueOn)} and the council does ` +
			'not have it yet.',
		`Sign in to fill it in and submit it:\n${link(origin, r.path)}`
	);
}

export function returnSubmitted(origin: string, r: ReturnAbout): Text {
	return letter(
		'A provider has submitted a return',
		`${r.providerName} has submitted the ${named(r)}.`,
		`Sign in to check it and accept it or send it back:\n${link(origin, r.path)}`
	);
}

export function returnSentBack(origin: string, r: ReturnAbout): Text {
	return letter(
		'A return has been sent back to you',
		`${r.councilName} has sent back the ${named(r)} to be changed.`,
		`Sign in to see what to change:\n${link(origin, r.path)}`
	);
}
