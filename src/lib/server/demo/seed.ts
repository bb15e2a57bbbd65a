import * as council from '../db/council';
import { seedDemoActivity } from './activity';
import type { DB } from '../db/connect';
import * as provider from '../db/provider';
import * as service from '../db/service';
import * as invitations from '../invitations/links';
import { DEMO_ACCOUNTS } from './accounts';
import * as userRepo from '../db/user';
import * as tally from '../db/tally';
import { utcDate } from '../../calendar/dates';
import { financialYear, quartersEnding } from '../../calendar/periods';
import { generateResponses } from './responses';

/**
 * Demo organisations for a first run: two councils, the providers they commission and their
 * services. Only added to an empty database, so real data is never touched.
 */
export async function seedDemoData(db: DB, responses = 0): Promise<boolean> {
	if ((await council.list(db)).length > 0) return false;
	await db.transaction().execute(async (trx) => {
		const lancashire = await council.insert(trx, {
			code: 'lancashire',
			name: 'Lancashire County Council'
		});
		const dorset = await council.insert(trx, { code: 'dorset', name: 'Dorset Council' });
		const breaks = await provider.insert(trx, {
			name: 'Riverside Short Breaks',
			regulator_reference: null
		});
		const clubs = await provider.insert(trx, {
			name: 'Pennine Play Clubs',
			regulator_reference: null
		});
		const homes = await provider.insert(trx, {
			name: 'Harbour View Homes',
			regulator_reference: null
		});
		await provider.commission(trx, lancashire.id, breaks.id, '2025-04-01');
		await provider.commission(trx, lancashire.id, clubs.id, '2025-04-01');
		await provider.commission(trx, dorset.id, homes.id, '2025-04-01', 'dorset');
		const services = [
			{
				provider_id: breaks.id,
				council_id: lancashire.id,
				name: 'Riverside overnight breaks',
				kind: 'short_break'
			},
			{
				provider_id: breaks.id,
				council_id: lancashire.id,
				name: 'Riverside Break Time',
				kind: 'short_break'
			},
			{
				provider_id: clubs.id,
				council_id: lancashire.id,
				name: 'Pennine Saturday Club',
				kind: 'short_break'
			},
			{
				provider_id: homes.id,
				council_id: dorset.id,
				name: 'Harbour View House',
				kind: 'childrens_home'
			}
		] as const;
		const ids = [];
		for (const s of services) ids.push((await service.insert(trx, s)).id);
		const expiresAt = new Date(Date.now() + 365 * 24 * 3600 * 1000);
		for (const d of DEMO_INVITATIONS) {
			await invitations.issue(trx, {
				surveyId: d.survey,
				serviceId: ids[d.service]!,
				respondent: d.respondent,
				source: d.source,
				expiresAt,
				code: d.code,
				isOpen: false
			});
		}
		await invitations.issueWithToken(trx, DEMO_GROUP_TOKEN, {
			surveyId: 'short-breaks-child-symbols',
			serviceId: ids[2]!,
			respondent: 'child',
			source: 'satisfaction_survey',
			expiresAt,
			isOpen: true
		});
	});
	await seedDemoResponses(db, responses);
	return true;
}

/**
 * Made-up completed responses over the last two financial years and this one, so the dashboard
 * has figures to show on a first run (DEMO_RESPONSES, default 3000; 0 for none). Repeatable.
 */
async function seedDemoResponses(db: DB, count: number, today = new Date()): Promise<void> {
	if (count <= 0) return;
	const iso = utcDate(today);
	const from = financialYear(quartersEnding(iso, 9)[0]!.start).start;
	await generateResponses(db, { responses: count, from, to: iso, seed: 7 });
	await tally.rebuild(db);
	await seedDemoActivity(db, quartersEnding(iso, 5)[0]!.start, iso);
}

/** Fixed codes for the demo only, so the start command can print them every time. */
export const DEMO_INVITATIONS = [
	{
		survey: 'short-breaks-child-symbols',
		code: 'CAKE7DAY',
		service: 0,
		respondent: 'child',
		source: 'annual_review'
	},
	{
		survey: 'short-breaks-child-standard',
		code: 'TEAM4FUN',
		service: 1,
		respondent: 'child',
		source: 'satisfaction_survey'
	},
	{
		survey: 'short-breaks-carer',
		code: 'CARE6MUM',
		service: 0,
		respondent: 'carer',
		source: 'satisfaction_survey'
	},
	{
		survey: 'childrens-home-child',
		code: 'HAPY7DAY',
		service: 3,
		respondent: 'child',
		source: 'annual_review'
	},
	{
		survey: 'end-of-care-package-review',
		code: 'REVU9END',
		service: 1,
		respondent: 'staff',
		source: 'end_of_care_package'
	}
] as const;

/** An open link for a group session in the demo: every opening starts a new anonymous response. */
export const DEMO_GROUP_TOKEN = 'demo-group-session';

/** The demo codes still unused and unexpired, to print at start. */
export async function demoCodes(db: DB): Promise<{ code: string; survey: string }[]> {
	const out: { code: string; survey: string }[] = [];
	for (const d of DEMO_INVITATIONS) {
		const inv = await invitations.findByCode(db, d.code);
		if (inv && invitations.usability(inv) === 'ok') out.push({ code: d.code, survey: d.survey });
	}
	return out;
}

/** The demo accounts that are in the database (an installation with its own has none). */
export async function presentDemoAccounts(db: DB): Promise<typeof DEMO_ACCOUNTS> {
	const present = [];
	for (const a of DEMO_ACCOUNTS) if (await userRepo.findByEmail(db, a.email)) present.push(a);
	return present;
}

/** What of the demo is in the database: its accounts, its codes and its group link. */
export async function demoTraces(db: DB): Promise<string[]> {
	const found = (await presentDemoAccounts(db)).map((a) => `demo account ${a.email}`);
	for (const d of DEMO_INVITATIONS)
		if (await invitations.findByCode(db, d.code)) found.push(`demo code ${d.code}`);
	if (await invitations.findByToken(db, DEMO_GROUP_TOKEN)) found.push('the demo group link');
	return found;
}
