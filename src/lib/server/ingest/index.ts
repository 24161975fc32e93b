// Public surface of the importer (web routes and the CLI call only these).
export { importFile } from './import-file';
export { previewFile } from './preview';
export { listBatches } from './batches';
export { undoBatch, undoPreview, assertUndoable, UndoError } from './undo';
export { availableProfiles } from './profiles';
export { listRejected } from './rejected';
export * from './views';
export * from './errors';
export type { ImportOptions, SourceRules } from './types';
export * from './uploads';
