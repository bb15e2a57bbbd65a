import type { Insertable, Selectable } from 'kysely';
import type { DB } from './tables';

// The database the app's queries are checked against. Its tables are generated from the migrated
// schema into tables.ts (`npm run db:types`; tests/db/schema.test.ts fails when they disagree);
// this file names the rows the code passes around.

export type Database = DB;
export type { MeasureRule, SurveyRules } from './column-types';
export type {
	ActivitySession as ActivitySessionTable,
	AppUser as AppUserTable,
	Session as SessionTable
} from './tables';

export type AppUser = Selectable<DB['app_user']>;
export type Child = Selectable<DB['child']>;
export type Council = Selectable<DB['council']>;
export type Invitation = Selectable<DB['invitation']>;
export type Provider = Selectable<DB['provider']>;
export type ProviderReturn = Selectable<DB['provider_return']>;
export type Response = Selectable<DB['response']>;
export type Service = Selectable<DB['service']>;

export type NewAnswer = Insertable<DB['answer']>;
export type NewCarePackage = Insertable<DB['care_package']>;
export type NewChild = Insertable<DB['child']>;
export type NewCouncil = Insertable<DB['council']>;
export type NewInvitation = Insertable<DB['invitation']>;
export type NewProvider = Insertable<DB['provider']>;
export type NewResponse = Insertable<DB['response']>;
export type NewService = Insertable<DB['service']>;
