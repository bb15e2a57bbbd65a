import { installationScope } from '../access/scopes';
import type { StaffUser } from '../auth/sessions';
import * as commissionRepo from '../db/commission';
import type { DB } from '../db/connect';
import * as councilRepo from '../db/council';
import * as providerRepo from '../db/provider';

/** Every council, provider and commission, retired ones too, for the organisations page. */
export async function overview(db: DB, user: StaffUser) {
	installationScope(user, 'organisations.manage');
	return {
		councils: await councilRepo.list(db),
		providers: await providerRepo.list(db),
		commissions: await commissionRepo.list(db)
	};
}
