export async function runDemo(): Promise<void> {
	throw new Error('demo: sample data set not generated yet');
}
