// `npm run council:threshold -- <council code> <number | default>`: sets the council's own
// attribute threshold, below which a 0% or 100% figure is hidden (docs/dashboard.md: Small
// numbers). Every app server decides the council's figures again on its next page.
import { startApp, stopApp } from '../lib/server/app';
import * as councilRepo from '../lib/server/db/council';
import { wholeNumberFrom } from '../lib/server/config';
import { DEFAULT_ATTRIBUTE_THRESHOLD, MAX_THRESHOLD } from '../lib/server/statistics/suppress';

const [code, value] = process.argv.slice(2);
if (!code || !value) {
	console.error(
		'Usage: npm run council:threshold -- <council code> <number from 1 to 1000 | default>'
	);
	process.exit(2);
}
let threshold: number | null;
try {
	threshold =
		value === 'default'
			? null
			: wholeNumberFrom('The attribute threshold', value, 1, MAX_THRESHOLD);
} catch (e) {
	console.error((e as Error).message);
	process.exit(2);
}

const app = await startApp();
try {
	const council = await councilRepo.findByCode(app.connection.db, code);
	if (!council) {
		console.error(`No council has the code ${JSON.stringify(code)}.`);
		process.exitCode = 1;
	} else {
		await councilRepo.setAttributeThreshold(app.connection.db, council.id, threshold);
		console.log(
			`${council.name}: a 0% or 100% figure from fewer than ${threshold ?? DEFAULT_ATTRIBUTE_THRESHOLD} answers is hidden${threshold === null ? ' (the default)' : ''}.`
		);
	}
} finally {
	await stopApp();
}
