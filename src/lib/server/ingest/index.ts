// Public surface of the importer (web routes and the CLI call only these).
export { importFile } from './import-file';
export { previewFile } from './preview';
export { listBatches, getBatch } from './batches';
export { tableCounts } from './tables';
export { listRejected, rejectedCsvStream } from './rejected';
export {
	availableProfiles,
	listProfiles,
	getProfile,
	listShippedProfiles,
	type MappingProfile
} from './profiles';
export * from './errors';
export type { ImportOptions, SourceRules } from './types';
export * from './uploads';
