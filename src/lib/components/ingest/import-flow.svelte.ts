import type { Kind } from '$lib/domain/records';
import { formatBytes } from '$lib/format';
import type { HeaderMapping } from '$lib/domain/ingest/header-mapping';
import type { MessageKey, Params } from '$lib/i18n';
import type { I18n } from '$lib/i18n/context';
import type { ImportJob, ImportResult, ProfileOption } from '$lib/domain/ingest/api';
import { ApiFailure } from '$lib/client/api';
import { fetchPreview, startImport, uploadFile, waitForJob } from '$lib/client/ingest';
import { decodeHead, PREVIEW_BYTES, sourceType } from './local-preview';
import {
	effectiveMapping,
	isProfileName,
	mappingForServer,
	mappingProblems,
	withOverride,
	type MappingProblems
} from '$lib/domain/ingest/mapping';
import { sourceHead, type ImportSource, type SourceHead } from './source';

/**
 * The import page's state and steps: choose a file, preview and map it, upload it, run the import
 * and follow its progress. Text files are previewed in the browser; XLSX only by the server.
 */

export type ImportStage = 'select' | 'reading' | 'preparing' | 'ready' | 'uploading' | 'importing' | 'done';
export interface ImportFailure {
	title: MessageKey;
	message: string;
}
export interface ImportPageData {
	profiles: ProfileOption[];
	maxUploadBytes: number;
	initialKind: Kind;
}

export class ImportFlow {
	kind: Kind;
	profileName = $state('');
	file = $state<File | null>(null);
	source = $state.raw<ImportSource | null>(null);
	encoding = $state(''); // '' = as detected
	sheet = $state('');
	overrides = $state<HeaderMapping>({});
	saveProfile = $state('');
	stage = $state<ImportStage>('select');
	uploadFraction = $state(0);
	uploadId = $state<string | null>(null);
	job = $state.raw<ImportJob | null>(null);
	result = $state.raw<ImportResult | null>(null);
	failure = $state<ImportFailure | null>(null);
	/** A getter, so that reloaded page data (e.g. after a language switch) is seen. */
	private readonly data: () => ImportPageData;
	private readonly i18n: I18n;
	private left = false;

	readonly profiles: ProfileOption[];
	readonly profile: ProfileOption | null;
	readonly head: SourceHead | null;
	readonly mapping: HeaderMapping;
	readonly problems: MappingProblems;
	readonly profileNameOk: boolean;
	readonly busy: boolean;
	readonly canImport: boolean;

	constructor(data: () => ImportPageData, i18n: I18n) {
		this.data = data;
		this.i18n = i18n;
		// The kind from ?kind= is only the starting choice.
		this.kind = $state(data().initialKind);
		this.profiles = $derived(data().profiles.filter((p) => p.kind === this.kind));
		this.profile = $derived(this.profiles.find((p) => p.name === this.profileName) ?? null);
		this.head = $derived(
			this.source ? sourceHead(this.source, this.kind, this.encoding, this.profile) : null
		);
		this.mapping = $derived(
			this.head
				? effectiveMapping(this.kind, this.head.headers, this.profile?.mapping ?? null, this.overrides)
				: {}
		);
		this.problems = $derived(mappingProblems(this.kind, this.mapping));
		this.profileNameOk = $derived(this.saveProfile.trim() === '' || isProfileName(this.saveProfile));
		this.busy = $derived(
			this.stage === 'reading' ||
				this.stage === 'preparing' ||
				this.stage === 'uploading' ||
				this.stage === 'importing'
		);
		this.canImport = $derived(
			this.stage === 'ready' &&
				this.head !== null &&
				this.head.headers.length > 0 &&
				this.problems.missing.length === 0 &&
				this.problems.duplicates.length === 0 &&
				this.profileNameOk
		);
	}

	/** Stops following a running import once the page is left. */
	leave() {
		this.left = true;
	}

	private refuse(key: MessageKey, params: Params) {
		this.failure = { title: 'import.refused', message: this.i18n.t(key, params) };
	}

	private fail(title: MessageKey, error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		this.failure = { title, message };
	}

	reset() {
		this.file = null;
		this.source = null;
		this.encoding = '';
		this.sheet = '';
		this.overrides = {};
		this.saveProfile = '';
		this.stage = 'select';
		this.uploadFraction = 0;
		this.uploadId = null;
		this.job = null;
		this.result = null;
		this.failure = null;
	}

	async chooseFile(chosen: File | undefined) {
		if (!chosen || this.busy) return;
		this.reset();
		this.file = chosen;
		const { maxUploadBytes } = this.data();
		if (chosen.size > maxUploadBytes) {
			this.refuse('import.tooLarge', { name: chosen.name, max: formatBytes(maxUploadBytes) });
			return;
		}
		this.stage = 'reading';
		try {
			const bytes = new Uint8Array(await chosen.slice(0, PREVIEW_BYTES).arrayBuffer());
			const type = sourceType(chosen.name, bytes);
			if (type === null) {
				this.refuse('import.unsupported', { name: chosen.name });
				this.stage = 'select';
				return;
			}
			if (type === 'text') {
				const truncated = chosen.size > PREVIEW_BYTES;
				const delimiter = chosen.name.toLowerCase().endsWith('.tsv') ? '\t' : undefined;
				this.source = { type, head: bytes, truncated, detected: decodeHead(bytes).encoding, delimiter };
				if (!this.head || this.head.headers.every((h) => h === '')) {
					this.refuse('import.empty', { name: chosen.name });
					this.source = null;
					this.stage = 'select';
					return;
				}
				this.stage = 'ready';
			} else {
				await this.uploadThenPreview(chosen);
			}
		} catch (error) {
			this.fail('import.failed', error);
			this.stage = 'select';
		}
	}

	private async upload(file: File): Promise<string> {
		const uploaded = await uploadFile(file, (f) => (this.uploadFraction = f), this.i18n.t('import.network'));
		return uploaded.uploadId;
	}

	/** XLSX cannot be read in the browser: upload it and show the server's preview instead. */
	private async uploadThenPreview(chosen: File) {
		this.stage = 'preparing';
		this.uploadId = await this.upload(chosen);
		await this.refreshServerPreview();
	}

	private async refreshServerPreview() {
		if (!this.uploadId) return;
		this.stage = 'preparing';
		try {
			const preview = await fetchPreview(this.uploadId, {
				kind: this.kind,
				sheet: this.sheet || this.profile?.sheet || undefined
			});
			this.source = { type: 'xlsx', preview };
			this.sheet = preview.sheet ?? '';
			this.stage = 'ready';
		} catch (error) {
			this.fail('import.refused', error);
			this.stage = this.source ? 'ready' : 'select';
		}
	}

	changeKind(next: Kind) {
		this.kind = next;
		this.profileName = '';
		this.overrides = {};
		if (this.source?.type === 'xlsx') void this.refreshServerPreview();
	}

	changeProfile(name: string) {
		this.profileName = name;
		this.overrides = {};
		if (this.source?.type === 'xlsx' && this.profile?.sheet) {
			this.sheet = this.profile.sheet;
			void this.refreshServerPreview();
		}
	}

	changeSheet(name: string) {
		this.sheet = name;
		void this.refreshServerPreview();
	}

	changeField(header: string, name: string) {
		this.overrides = withOverride(this.overrides, this.mapping, header, name);
	}

	async runImport() {
		if (!this.canImport || !this.file || !this.head) return;
		this.failure = null;
		this.job = null;
		try {
			if (!this.uploadId) {
				this.stage = 'uploading';
				this.uploadFraction = 0;
				this.uploadId = await this.upload(this.file);
			}
			this.stage = 'importing';
			const { jobId } = await startImport({
				uploadId: this.uploadId,
				kind: this.kind,
				map: mappingForServer(this.kind, this.mapping, this.overrides, this.profile?.mapping ?? null),
				profile: this.profileName || undefined,
				saveProfile: this.saveProfile.trim() || undefined,
				encoding: this.source?.type === 'text' && this.encoding ? this.encoding : undefined,
				sheet: this.source?.type === 'xlsx' && this.sheet ? this.sheet : undefined
			});
			const finished = await waitForJob(
				jobId,
				(j) => (this.job = j),
				() => this.left
			);
			if (!finished) return;
			if (finished.status === 'done' && finished.result) {
				this.result = finished.result;
				this.stage = 'done';
			} else {
				this.failure = {
					title: finished.error?.code ? 'import.refused' : 'import.failed',
					message: finished.error?.message ?? 'unknown error'
				};
				this.stage = 'ready';
			}
		} catch (error) {
			// An expired upload must be sent again on the next try.
			if (error instanceof ApiFailure && error.status === 404) this.uploadId = null;
			this.fail(
				error instanceof ApiFailure && error.status === 422 ? 'import.refused' : 'import.failed',
				error
			);
			this.stage = 'ready';
		}
	}
}
