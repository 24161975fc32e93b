/** Reports: generation, snapshots and their HTTP answers (what routes and the CLI call). */
export { generateReport, renderReport } from './generate';
export { generationStream, snapshotDownload } from './http';
export { pdfAvailable } from './pdf';
export { getSnapshot, listSnapshots, snapshotBytes, snapshotFigures } from './snapshots';
export { ReportError } from './errors';
export { comparePage, reportsPage } from './page';
export {
	createSchedule,
	deleteSchedule,
	getSchedule,
	listSchedules,
	scheduleSettings,
	updateSchedule
} from './schedules';
export { scheduleRuns } from './schedule-runs';
export { runDueSchedules } from './schedule-runner';
