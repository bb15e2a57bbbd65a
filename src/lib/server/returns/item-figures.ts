import type { ReturnKind } from '../../domain/return-kinds';
import type * as activity from '../db/return-activity';
import type { Figure } from '../statistics/figures';
import type { Entered } from './entry';

/** What an item of a return shows, and what its builder reads to work it out. */

export type Cell = string | number | null;

export interface ReturnTable {
	columns: string[];
	/** How many leading columns name the child (filled in when shown). */
	identityColumns: number;
	rows: { childId?: string; cells: Cell[] }[];
}

/** An item's figures: its rows, an optional table of children, and whether anything was found. */
export interface ItemFigures {
	rows: { label: string; value: Cell }[];
	table?: ReturnTable;
	/** Nothing recorded for this item in the period: shown as "No data", never left out. */
	noData: boolean;
	suppressed?: boolean;
}

/** What the provider recorded in the period, for its services commissioned by the council. */
export interface RecordedActivity {
	children: Awaited<ReturnType<typeof activity.childrenActivity>>;
	types: Awaited<ReturnType<typeof activity.activityTypes>>;
	brokenDown: Awaited<ReturnType<typeof activity.placementsBrokenDown>>;
	reports: Awaited<ReturnType<typeof activity.packageReports>>;
}

/** Everything an item's builder may read. */
export interface ItemInputs {
	kind: ReturnKind;
	entered: Entered;
	recorded: RecordedActivity;
	/** A survey measure's figure for the provider and period (undefined: no answers). */
	figure: (measureId: string) => Figure | undefined;
}

/** Works out one item's figures; `D` is the item's own entry in the register. */
export type ItemBuilder<D> = (item: D, inputs: ItemInputs) => ItemFigures;

/** The columns that name a child, filled in when the return is shown. */
export const IDENTITY = ['Reference', 'Name', 'Date of birth'];

export const round = (n: number) => Math.round(n * 100) / 100;

/** Text left empty is no data. */
export const orNull = (s: string | undefined) => (s ? s : null);
