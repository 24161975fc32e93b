import type { EvidenceFile, MetricProposal, VersionView } from '$lib/domain/assessment/api';
import { leaves, type Catalogue } from '$lib/domain/assessment/catalogue';
import { gapToNextLevel, type GapResult } from '$lib/domain/assessment/gap';
import { score, type ItemStatus, type ScoreResult } from '$lib/domain/assessment/scoring';
import { today, type Rectification } from '$lib/domain/assessment/rectification-plan';
import { liveInput, type AssessmentState, type ItemState } from '$lib/domain/assessment/workspace-state';
import { ApiFailure } from '$lib/client/api';
import { assessmentApi } from '$lib/client/assessment';

/**
 * The state of one assessment version in the browser. Every edit changes `state`; the score, level,
 * per-indicator bars and gap analysis are derived from it with the same pure functions the server
 * uses, so they change as the user types. Saving sends the whole state; a 409 from the server
 * (finalised elsewhere) turns the page read-only.
 */
export class Workspace {
	readonly id: number;
	readonly catalogue: Catalogue;
	readonly leafOrder: string[];
	version = $state(0);
	status = $state<'draft' | 'final'>('draft');
	finalisedAt = $state<string | null>(null);
	finalisedBy = $state<string | null>(null);
	state = $state<AssessmentState>({ items: {}, deductions: [], merit: null, notes: {}, overrides: {} });
	evidence = $state<EvidenceFile[]>([]);
	rectifications = $state<Rectification[]>([]);
	proposals = $state<Record<string, MetricProposal>>({});
	private saved = $state('');
	saving = $state(false);
	error = $state<string | null>(null);
	/** Leaves the server named when it refused to finalise a provisional assessment. */
	missing = $state<string[]>([]);
	/** Set once this page has saved (the day), for the "saved" hint. */
	savedAt = $state<string | null>(null);

	readonly dirty = $derived(JSON.stringify(this.state) !== this.saved);
	readonly locked = $derived(this.status === 'final');
	readonly live = $derived(liveInput(this.state));
	readonly result: ScoreResult = $derived.by(() => score(this.catalogue, this.live.input));
	readonly gap: GapResult = $derived.by(() => gapToNextLevel(this.catalogue, this.live.input));

	constructor(view: VersionView, proposals: MetricProposal[]) {
		this.id = view.assessment.id;
		this.catalogue = view.version.catalogue;
		this.leafOrder = leaves(this.catalogue).map((l) => l.id);
		this.load(view);
		this.proposals = Object.fromEntries(proposals.map((p) => [p.leafId, p]));
	}

	/** Takes the server's view as the new saved baseline. */
	load(view: VersionView): void {
		this.version = view.version.version;
		this.status = view.version.status;
		this.finalisedAt = view.version.finalisedAt;
		this.finalisedBy = view.version.finalisedBy;
		this.state = structuredClone(view.version.state);
		this.saved = JSON.stringify(this.state);
		this.evidence = view.evidence;
		this.rectifications = view.rectifications;
	}

	setStatus(leafId: string, status: ItemStatus): void {
		const before = this.state.items[leafId];
		const item: ItemState = { status };
		if (status === 'sampled') {
			item.samples = before?.samples;
			item.conforming = before?.conforming;
		}
		this.state.items[leafId] = item;
	}

	/** Forgets the leaf's status: it counts as not assessed again. */
	clearStatus(leafId: string): void {
		delete this.state.items[leafId];
		delete this.state.overrides[leafId];
	}

	setSamples(leafId: string, field: 'samples' | 'conforming', value: number | undefined): void {
		const item = this.state.items[leafId];
		if (item?.status === 'sampled') item[field] = value;
	}

	setNote(leafId: string, text: string): void {
		if (text.trim() === '') delete this.state.notes[leafId];
		else this.state.notes[leafId] = text;
	}

	/** Takes the status the data proposes, and records that it was accepted. */
	accept(p: MetricProposal): void {
		if (!p.proposed) return;
		this.setStatus(p.leafId, p.proposed);
		this.state.overrides[p.leafId] = { decision: 'accepted', proposed: p.proposed, value: p.value };
	}

	/** Keeps (or sets) a different status than proposed, with the reason the auditor will read. */
	override(p: MetricProposal, status: ItemStatus, reason: string): void {
		if (!p.proposed) return;
		this.setStatus(p.leafId, status);
		this.state.overrides[p.leafId] = { decision: 'overridden', proposed: p.proposed, value: p.value, reason };
	}

	private fail(error: unknown): void {
		if (error instanceof ApiFailure) {
			this.error = error.message;
			if (error.code === 'locked') this.status = 'final';
			if (error.code === 'provisional' && Array.isArray(error.body.missing))
				this.missing = error.body.missing.map(String);
		} else this.error = error instanceof Error ? error.message : String(error);
	}

	/** Sends one change of the version (save, finalise) and loads what the server answers. */
	private async store(call: () => Promise<VersionView>): Promise<boolean> {
		this.saving = true;
		this.error = null;
		try {
			this.load(await call());
			return true;
		} catch (error) {
			this.fail(error);
			return false;
		} finally {
			this.saving = false;
		}
	}

	async save(): Promise<boolean> {
		if (this.saving) return false;
		const saved = await this.store(() =>
			assessmentApi.save(this.id, this.version, $state.snapshot(this.state))
		);
		if (saved) this.savedAt = today(); // the day is enough for the hint
		return saved;
	}

	async finalise(): Promise<boolean> {
		this.missing = [];
		if (this.dirty && !(await this.save())) return false;
		return this.store(() => assessmentApi.finalise(this.id, this.version));
	}

	/** Starts a new draft from this version; returns its number (the page navigates there). */
	async newDraft(): Promise<number | null> {
		this.error = null;
		try {
			return (await assessmentApi.newDraft(this.id, this.version)).version.version;
		} catch (error) {
			this.fail(error);
			return null;
		}
	}
}
