// `npm run retention`: applies the retention period (RETENTION_MONTHS, default 72) once. Meant
// for a nightly scheduled job; running it again the same day changes nothing more.
import { utcDate } from '../lib/calendar/dates';
import { startApp, stopApp } from '../lib/server/app';
import { readConfig, type Config } from '../lib/server/config';
import { applyRetention } from '../lib/server/privacy/retention';

let config: Config;
try {
	config = readConfig();
} catch (e) {
	console.error((e as Error).message);
	process.exit(2);
}

const months = config.retentionMonths;
const app = await startApp(config);
try {
	const c = await applyRetention(app.connection.db, new Date(), months);
	console.log(
		`Retention applied with a cutoff of ${utcDate(c.cutoff)} (${months} months): ` +
			`${c.childrenErased} inactive children erased, ${c.responsesUnlinked} responses unlinked ` +
			`from them and ${c.invitationsUnlinked} invitations from them, ` +
			`${c.freeTextAnswersRemoved} free-text answers and ${c.alertNotesRemoved} ` +
			`safeguarding notes removed, ${c.packageTextsRemoved} care package explanations and ` +
			`${c.activityTextsRemoved} session activities replaced, ${c.returnRevisionsScrubbed} ` +
			`return revisions scrubbed; ${c.sessionsRemoved} expired sessions, ` +
			`${c.passwordResetsRemoved} used or expired reset links, ${c.pendingSignInsRemoved} ` +
			`unfinished sign-ins and ${c.rateLimitsRemoved} old rate-limit windows deleted. Answers that feed measures are kept.`
	);
} finally {
	await stopApp();
}
