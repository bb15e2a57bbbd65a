// `npm run user:create -- --email <address> --name "<full name>"`
// Creates an administrator and prints a one-time link to set their password (shown once: only
// its hash is stored). The first administrator has to come from here; they add everyone else.
import { parseArgs } from 'node:util';
import { startApp, stopApp } from '../lib/server/app';
import { record } from '../lib/server/audit';
import { NO_PASSWORD } from '../lib/server/auth/passwords';
import * as resets from '../lib/server/auth/resets';
import * as userRepo from '../lib/server/db/user';

const USAGE = 'Usage: npm run user:create -- --email <address> --name "<full name>"';
const EXISTS = 'A user with that email already exists';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

let values: { email?: string; name?: string } = {};
try {
	({ values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } }));
} catch (e) {
	fail(`${(e as Error).message}\n${USAGE}`);
}
const email = values.email?.trim() ?? '';
const name = values.name?.trim() ?? '';
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
	fail(`--email must be an email address\n${USAGE}`);
if (!name || name.length > 200) fail(`--name must be a name of 1 to 200 characters\n${USAGE}`);

const app = await startApp();
try {
	const db = app.connection.db;
	if (await userRepo.findByEmail(db, email)) throw new Error(EXISTS);
	// One transaction: an account is never left without its link.
	const link = await db.transaction().execute(async (trx) => {
		const user = await userRepo.insert(trx, {
			email,
			display_name: name,
			role: 'administrator',
			council_id: null,
			provider_id: null,
			password_hash: NO_PASSWORD
		});
		await record(trx, null, 'user.created', 'app_user', user.id, { role: user.role });
		// An administrator belongs to no council, so none requires its identity provider.
		const path = await resets.issue(trx, user.id, null, app.config.resetLinkHours);
		if (!path) throw new Error('An administrator must be able to set a password');
		return `${app.config.origin}${path}`;
	});
	console.log(`Administrator ${name} <${email}> created.
Send them this link to set their password (it works once, and expires):
${link}
When they first sign in they will be asked to set up an authenticator app for two-factor sign-in.`);
} catch (e) {
	// The unique index on lower(email) also catches a user added between the check and the insert.
	const duplicate = (e as { code?: string }).code === '23505' || (e as Error).message === EXISTS;
	if (!duplicate) throw e;
	console.error(EXISTS);
	process.exitCode = 2;
} finally {
	await stopApp();
}
