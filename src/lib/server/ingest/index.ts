// Public surface of the importer (web routes and the CLI call only these).
export { importFile } from './import-file';
export { previewFile } from './preview';
export { listBatches, getBatch, listRejected, type BatchRow, type RejectedRow } from './batches';
export { listProfiles, getProfile, listShippedProfiles, type MappingProfile } from './profiles';
export * from './types';
export * from './uploads';
