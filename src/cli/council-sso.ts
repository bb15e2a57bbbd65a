// `npm run council:sso -- <council code> on|off`: whether the council's own accounts (its
// commissioners and staff) must sign in with the council's identity provider (OIDC_* settings;
// docs/running.md). While on, their password sign-in is refused, pointing to the button.
import { startApp, stopApp } from '../lib/server/app';
import * as audit from '../lib/server/audit';
import * as councilRepo from '../lib/server/db/council';

const [code, value] = process.argv.slice(2);
if (!code || (value !== 'on' && value !== 'off')) {
	console.error('Usage: npm run council:sso -- <council code> on|off');
	process.exit(2);
}
const on = value === 'on';

const app = await startApp();
try {
	const db = app.connection.db;
	const council = await councilRepo.findByCode(db, code);
	if (!council) {
		console.error(`No council has the code ${JSON.stringify(code)}.`);
		process.exitCode = 1;
	} else if (on && !app.config.oidc) {
		console.error(
			'Sign-in with an identity provider is not set up (OIDC_ISSUER, OIDC_CLIENT_ID and ' +
				'OIDC_CLIENT_SECRET): without it, the council’s accounts could not sign in at all.'
		);
		process.exitCode = 1;
	} else {
		await councilRepo.setRequireSso(db, council.id, on);
		await audit.record(db, null, 'council.require_sso', 'council', council.id, { on });
		console.log(
			on
				? `${council.name}: its accounts now sign in with the identity provider only.`
				: `${council.name}: its accounts may sign in with a password and authenticator code again.`
		);
	}
} finally {
	await stopApp();
}
