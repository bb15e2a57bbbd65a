import type { Refusal } from './sign-in';

const time = (d: Date) =>
	d.toLocaleTimeString('en-GB', {
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		timeZone: 'Europe/London'
	});

/** What a refused sign-in tells the person: specific, without saying whether an account exists. */
export function refusalMessage(r: Refusal): string {
	switch (r.status) {
		case 'wrong':
			return 'Enter a correct email address and password (or authenticator code)';
		case 'wait':
			return `Too many failed attempts. Wait until ${time(r.until)} before trying again`;
		case 'locked':
			return `This account is locked after too many failed attempts. Try again after ${time(r.until)}, or ask an administrator for a reset link`;
		case 'tooMany':
			return 'Too many sign-in attempts from this network. Wait 10 minutes and try again';
	}
}
