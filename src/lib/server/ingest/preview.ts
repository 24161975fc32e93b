import type { FilePreview, ImportOptions } from './types';

/** Sniffs a file and returns its header, first rows and suggested mapping without writing anything. */
export async function previewFile(
	path: string,
	options: Pick<ImportOptions, 'kind' | 'encoding' | 'sheet' | 'map'> & { rows?: number }
): Promise<FilePreview> {
	void path;
	void options;
	throw new Error('previewFile: under construction');
}
