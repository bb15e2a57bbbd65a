import { hashPassword } from '../auth/passwords';
import { seal } from '../keys';
import * as councilRepo from '../db/council';
import type { DB } from '../db/connect';
import { toCount } from '../db/count';
import type { Role } from '../../domain/roles';
import * as serviceRepo from '../db/service';
import * as userRepo from '../db/user';

/** The demo's one password, printed at start; demo data is for trying the product only. */
export const DEMO_PASSWORD = 'voices-demo-password';

/** One account per role, and a second provider's staff member to show what each cannot see. */
export const DEMO_ACCOUNTS: {
	email: string;
	name: string;
	role: Role;
	council?: string;
	provider?: string;
	totp?: string;
}[] = [
	{
		email: 'admin@example.org',
		name: 'Ada Admin',
		role: 'administrator',
		totp: 'KRSXG5CTMVZHEZLUGEZDGNBVGY3TQOJQ'
	},
	{
		email: 'commissioner@example.org',
		name: 'Cath Commissioner',
		role: 'commissioner',
		council: 'lancashire',
		totp: 'MNXW23LJONZWS33OMVZDGNBVGY3TQOJR'
	},
	{
		email: 'manager@example.org',
		name: 'Mo Manager',
		role: 'provider_manager',
		provider: 'Riverside Short Breaks'
	},
	{
		email: 'staff@example.org',
		name: 'Sam Staff',
		role: 'provider_staff',
		provider: 'Riverside Short Breaks'
	},
	{
		email: 'staff@pennine.example.org',
		name: 'Pat Pennine',
		role: 'provider_staff',
		provider: 'Pennine Play Clubs'
	}
];

/**
 * Adds the demo accounts when there are no accounts at all, so a real installation (which has
 * its own administrator) never gets them. Sam Staff leads safeguarding for Riverside's services.
 */
export async function seedDemoAccounts(db: DB): Promise<boolean> {
	if (toCount((await userRepo.count(db)).n) > 0) return false;
	const providers = await db.selectFrom('provider').select(['id', 'name']).execute();
	const hash = await hashPassword(DEMO_PASSWORD);
	await db.transaction().execute(async (trx) => {
		for (const a of DEMO_ACCOUNTS) {
			const council = a.council ? await councilRepo.findByCode(trx, a.council) : undefined;
			const provider = providers.find((p) => p.name === a.provider);
			if ((a.council && !council) || (a.provider && !provider)) continue;
			const user = await userRepo.insert(trx, {
				email: a.email,
				display_name: a.name,
				role: a.role,
				council_id: council?.id ?? null,
				provider_id: provider?.id ?? null,
				password_hash: hash,
				totp_secret: a.totp ? seal(a.totp) : null
			});
			if (a.email === 'staff@example.org' && provider) {
				for (const s of await serviceRepo.listForProvider(trx, provider.id))
					await serviceRepo.setLead(trx, s.id, user.id);
			}
		}
	});
	return true;
}
