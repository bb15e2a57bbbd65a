import { RETURNS_FRAMEWORKS } from '../../domain/frameworks';
import { can } from '../access/policy';
import { forbidden, notFound } from '../access/roles';
import type { StaffUser } from '../auth/sessions';
import * as audit from '../audit';
import type { DB } from '../db/connect';
import { isUuid } from '../db/ids';
import * as repo from '../db/provider-return';
import * as activity from '../db/return-activity';
import type { ProviderReturn } from '../db/schema';
import type { ReturnStatus } from '../../domain/return-kinds';
import { isReturnKind, type ReturnKind } from '../../domain/return-kinds';
import type { FieldErrors } from '../forms/staff';
import { parsePeriodKey, type Period } from '../../calendar/periods';
import { assemble, childIds, withChildren, type Assembled } from './assemble';
import { checkEntered, emptyEntered, pickEntered, type Entered } from './entry';

/**
 * Provider returns: who may see and change which, and the workflow
 * draft → submitted → accepted (locked) or returned with a comment → corrected → submitted …
 * Every submission is a revision of its own, kept with the figures exactly as submitted.
 * The returns owed under a council's commissions, and which are overdue, are in ./owed.
 * Providers fill and submit their own returns; commissioners decide on their council's.
 */

const PERIOD_KIND: Record<ReturnKind, Period['kind']> = {
	monthly: 'month',
	quarterly: 'quarter',
	annual: 'year'
};

export interface Opened {
	councilId: string;
	councilName: string;
	providerId: string;
	providerName: string;
	kind: ReturnKind;
	period: Period;
	ret: ProviderReturn | undefined;
	isProvider: boolean;
	isCommissioner: boolean;
}

/** A return the caller may see, by its council, provider, kind and period; anything else is 404. */
export async function open(
	db: DB,
	user: StaffUser,
	p: { council: string; provider: string; kind: string; period: string }
): Promise<Opened> {
	const isProvider = can(user.role, 'returns.fill_in') && Boolean(user.providerId);
	const isCommissioner = can(user.role, 'returns.decide') && Boolean(user.councilId);
	if (!isProvider && !isCommissioner) forbidden();
	if (!isUuid(p.council) || !isUuid(p.provider) || !isReturnKind(p.kind)) notFound();
	if (isProvider && p.provider !== user.providerId) notFound();
	if (isCommissioner && p.council !== user.councilId) notFound();
	const kind = p.kind;
	const period = parsePeriodKey(p.period);
	if (!period || period.kind !== PERIOD_KIND[kind]) notFound();
	const commissions = await repo.commissions(db, { councilId: p.council, providerId: p.provider });
	const ret = await repo.find(db, {
		councilId: p.council,
		providerId: p.provider,
		kind,
		periodKey: period.key
	});
	// A return is owed under a framework that sets returns (Lancashire's), for a period its
	// commission covers; one already started stays open whatever has changed since.
	const owing = commissions.find(
		(c) =>
			RETURNS_FRAMEWORKS.includes(c.framework) &&
			c.starts_on <= period.end &&
			(c.ends_on === null || c.ends_on >= period.start)
	);
	const commission = owing ?? (ret ? commissions[0] : undefined);
	if (!commission) notFound();
	return {
		councilId: p.council,
		councilName: commission.council_name,
		providerId: p.provider,
		providerName: commission.provider_name,
		kind,
		period,
		ret,
		isProvider,
		isCommissioner
	};
}

export interface ReturnView {
	status: ReturnStatus | 'not_started';
	/** The revision shown, or null for a return not yet started. */
	revision: number | null;
	latestRevision: number | null;
	/** True when the figures are the ones submitted, not assembled afresh. */
	asSubmitted: boolean;
	assembled: Assembled;
	entered: Entered;
	revisions: Awaited<ReturnType<typeof repo.revisions>>;
	canEdit: boolean;
	canDecide: boolean;
}

/** What a return page shows: one revision as submitted, or the draft assembled from today's records. */
export async function view(
	db: DB,
	user: StaffUser,
	o: Opened,
	threshold: number,
	revisionParam: string | null
): Promise<ReturnView> {
	const revisions = o.ret ? await repo.revisions(db, o.ret.id) : [];
	const latest = revisions[0];
	let shown = latest;
	if (revisionParam !== null) {
		shown = revisions.find((r) => String(r.revision) === revisionParam);
		if (!shown) notFound();
	}
	const entered = shown
		? pickEntered(o.kind, shown.entered as Record<string, unknown>)
		: await startingValues(db, o);
	const asSubmitted = Boolean(shown?.submitted_at && shown.assembled);
	const raw = asSubmitted
		? (shown!.assembled as unknown as Assembled)
		: await assemble(db, { ...identity(o), entered, threshold });
	const children = await activity.childrenByIds(db, o.providerId, childIds(raw));
	await audit.record(db, user.id, 'provider_return.viewed', 'provider', o.providerId, {
		councilId: o.councilId,
		kind: o.kind,
		period: o.period.key,
		revision: shown?.revision ?? null,
		// The return names these children (seed section 2.2): whose records were seen, by id.
		children: children.length,
		childIds: children.map((c) => c.id)
	});
	const status = o.ret?.status ?? 'not_started';
	const open = status === 'not_started' || status === 'draft' || status === 'returned';
	return {
		status,
		revision: shown?.revision ?? null,
		latestRevision: latest?.revision ?? null,
		asSubmitted,
		assembled: withChildren(raw, children),
		entered,
		revisions,
		canEdit: o.isProvider && open && (shown === latest || !shown),
		canDecide: o.isCommissioner && status === 'submitted' && shown === latest
	};
}

const identity = (o: Opened) => ({
	councilId: o.councilId,
	councilName: o.councilName,
	providerId: o.providerId,
	providerName: o.providerName,
	kind: o.kind,
	period: o.period
});

/** A new return starts from the rating given in the provider's last return to the council. */
async function startingValues(db: DB, o: Opened): Promise<Entered> {
	const e = emptyEntered(o.kind);
	if (o.kind === 'monthly') return e;
	const last = await repo.latestEnteredRating(db, o.councilId, o.providerId);
	const before = pickEntered(o.kind, (last?.entered ?? {}) as Record<string, unknown>);
	for (const f of [
		'regulator',
		'annual_rating',
		'annual_rating_on',
		'interim_rating',
		'interim_rating_on'
	] as const)
		e[f] = before[f];
	return e;
}

export type Saved =
	| {
			ok: true;
			message: string;
			/** A return submitted or sent back: the other side is told (notifications/returns.ts). */
			told?: { returnId: string; revision: number; event: 'submitted' | 'returned' };
	  }
	| { ok: false; errors: FieldErrors };

/** Only the provider fills in its returns: `open` decided who the caller is for this return. */
function requireEditor(o: Opened) {
	if (!o.isProvider) forbidden('Only the provider fills in and submits its returns');
}

/**
 * Saves the provider's typed items as the current draft; a return sent back by the council gets a
 * new revision, so the one it returned stays as it was. With `submit`, the return must be
 * complete and is assembled and kept exactly as submitted.
 */
export async function save(
	db: DB,
	user: StaffUser,
	o: Opened,
	posted: Record<string, string>,
	threshold: number,
	submit: boolean
): Promise<Saved> {
	requireEditor(o);
	const entered = pickEntered(o.kind, posted);
	const errors = checkEntered(o.kind, entered, { complete: submit, periodEnd: o.period.end });
	if (Object.keys(errors).length) return { ok: false, errors };
	const assembled = submit ? await assemble(db, { ...identity(o), entered, threshold }) : null;
	if (assembled?.problems.length)
		return { ok: false, errors: { form: assembled.problems.join('. ') } };
	return db.transaction().execute(async (trx) => {
		const inserted = await repo.insert(trx, {
			councilId: o.councilId,
			providerId: o.providerId,
			kind: o.kind,
			periodKey: o.period.key
		});
		const ret = (await repo.findForUpdate(trx, inserted.id))!;
		if (ret.status === 'submitted')
			return {
				ok: false,
				errors: { form: 'This return has been submitted and is waiting for the council' }
			} as const;
		if (ret.status === 'accepted')
			return {
				ok: false,
				errors: { form: 'This return has been accepted by the council and is locked' }
			} as const;
		const latest = await repo.latestRevision(trx, ret.id);
		let revision = latest?.revision ?? 0;
		if (!latest || latest.submitted_at) {
			revision += 1;
			await repo.insertRevision(trx, { returnId: ret.id, revision, entered, by: user.id });
		} else await repo.updateDraft(trx, ret.id, revision, entered);
		if (assembled) {
			await repo.markSubmitted(trx, ret.id, revision, {
				entered,
				assembled: assembled as unknown as Record<string, unknown>,
				by: user.id
			});
			await repo.setStatus(trx, ret.id, 'submitted');
		} else if (ret.status !== 'returned') await repo.setStatus(trx, ret.id, 'draft');
		await audit.record(
			trx,
			user.id,
			submit ? 'provider_return.submitted' : 'provider_return.saved',
			'provider_return',
			ret.id,
			{ revision }
		);
		return {
			ok: true,
			message: submit
				? `Revision ${revision} submitted to ${o.councilName}`
				: `Draft saved (revision ${revision})`,
			told: submit ? { returnId: ret.id, revision, event: 'submitted' as const } : undefined
		} as const;
	});
}

/** The commissioner accepts a submitted return (it is then locked) or returns it with a comment. */
export async function decide(
	db: DB,
	user: StaffUser,
	o: Opened,
	decision: string,
	comment: string
): Promise<Saved> {
	if (!o.isCommissioner) forbidden('Only the council accepts or returns a provider’s return');
	if (decision !== 'accepted' && decision !== 'returned')
		return { ok: false, errors: { decision: 'Choose whether to accept or return it' } };
	if (decision === 'returned' && !comment)
		return {
			ok: false,
			errors: { comment: 'Say what the provider needs to correct before returning it' }
		};
	if (comment.length > 2000)
		return { ok: false, errors: { comment: 'The comment must be 2000 characters or fewer' } };
	if (!o.ret) return { ok: false, errors: { form: 'This return has not been submitted' } };
	return db.transaction().execute(async (trx) => {
		const ret = (await repo.findForUpdate(trx, o.ret!.id))!;
		if (ret.status !== 'submitted')
			return {
				ok: false,
				errors: { form: 'Only a submitted return can be accepted or returned' }
			} as const;
		const latest = (await repo.latestRevision(trx, ret.id))!;
		await repo.decide(trx, ret.id, latest.revision, {
			decision,
			comment: comment || null,
			by: user.id
		});
		await repo.setStatus(trx, ret.id, decision);
		await audit.record(trx, user.id, `provider_return.${decision}`, 'provider_return', ret.id, {
			revision: latest.revision
		});
		return {
			ok: true,
			message:
				decision === 'accepted'
					? `Revision ${latest.revision} accepted; the return is now locked`
					: `Revision ${latest.revision} returned to ${o.providerName} with your comment`,
			told:
				decision === 'returned'
					? { returnId: ret.id, revision: latest.revision, event: 'returned' as const }
					: undefined
		} as const;
	});
}
