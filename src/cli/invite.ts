// `npm run invite -- --survey <id> --service <name or id> [--respondent child|carer|staff]
//   [--source annual_review|end_of_care_package|satisfaction_survey|family_review] [--days 28]
//   [--open] [--count 1]`
// Creates invitations and prints each link and code (shown once: only their hashes are stored).
import { parseArgs } from 'node:util';
import { startApp, stopApp } from '../lib/server/app';
import * as service from '../lib/server/db/service';
import { RESPONDENTS, RESPONDENT_VALUES, type Respondent } from '../lib/domain/respondents';
import { SOURCES, SOURCE_VALUES, type Source } from '../lib/domain/sources';
import { isOneOf } from '../lib/domain/words';
import * as invitations from '../lib/server/invitations/links';

function fail(message: string): never {
	console.error(message);
	process.exit(2);
}

const { values } = parseArgs({
	options: {
		survey: { type: 'string' },
		service: { type: 'string' },
		respondent: { type: 'string', default: 'child' },
		source: { type: 'string', default: 'satisfaction_survey' },
		days: { type: 'string', default: '28' },
		count: { type: 'string', default: '1' },
		open: { type: 'boolean', default: false }
	}
});

const app = await startApp();
try {
	const db = app.connection.db;
	const survey = app.catalogue.surveys.find((s) => s.id === values.survey);
	if (!survey)
		fail(`--survey must be one of: ${app.catalogue.surveys.map((s) => s.id).join(', ')}`);
	const all = await service.list(db);
	const matches = all.filter((s) => s.id === values.service || s.name === values.service);
	if (matches.length !== 1)
		fail(`--service must name one service: ${all.map((s) => `"${s.name}"`).join(', ')}`);
	if (!isOneOf(RESPONDENTS, values.respondent))
		fail(`--respondent must be one of ${RESPONDENT_VALUES.join(', ')}`);
	if (!isOneOf(SOURCES, values.source)) fail(`--source must be one of ${SOURCE_VALUES.join(', ')}`);
	const days = Number(values.days);
	const count = Number(values.count);
	if (!Number.isInteger(days) || days < 1 || days > 366)
		fail('--days must be a whole number from 1 to 366');
	if (!Number.isInteger(count) || count < 1 || count > 500)
		fail('--count must be a whole number from 1 to 500');
	const expiresAt = new Date(Date.now() + days * 24 * 3600 * 1000);
	for (let i = 0; i < count; i++) {
		const issued = await invitations.issue(db, {
			surveyId: survey.id,
			serviceId: matches[0]!.id,
			respondent: values.respondent as Respondent,
			source: values.source as Source,
			expiresAt,
			isOpen: values.open
		});
		const code = issued.code ? `  code ${issued.code}` : '  (open link: no code)';
		console.log(`${app.config.origin}/i/${issued.token}${code}`);
	}
	console.log(`Expires ${expiresAt.toISOString().slice(0, 10)}.`);
} finally {
	await stopApp();
}
