import type { reportScheduleZh } from './report-schedule.zh-CN';

/** English report schedule messages; the type makes a missing key a compile error. */
export const reportScheduleEn: Record<keyof typeof reportScheduleZh, string> = {
	'report.sc.title': 'Scheduled reports',
	'report.sc.intro':
		'The server makes each report for the latest complete month on the day and time given, in time zone {zone}, and delivers it. Runs missed while the server was down are caught up once at start (only the latest missed one per schedule); a failed run is recorded with its reason and not retried.',
	'report.sc.add': 'New schedule',
	'report.sc.edit': 'Edit',
	'report.sc.save': 'Save',
	'report.sc.cancel': 'Cancel',
	'report.sc.delete': 'Delete',
	'report.sc.confirmDelete': 'Delete schedule #{id}? The reports it made stay; its run history goes.',
	'report.sc.enable': 'Enable',
	'report.sc.disable': 'Disable',
	'report.sc.empty': 'No scheduled reports yet.',
	'report.sc.formats': 'Formats',
	'report.sc.day': 'Day of month',
	'report.sc.time': 'Time',
	'report.sc.when': 'Day {day} of each month at {time}',
	'report.sc.folder': 'Delivery folder (absolute path)',
	'report.sc.recipients': 'E-mail recipients (comma-separated)',
	'report.sc.enabled': 'Enabled',
	'report.sc.delivery': 'Delivery',
	'report.sc.nextDue': 'Next run',
	'report.sc.lastRun': 'Last run',
	'report.sc.off': 'Disabled',
	'report.sc.runs': 'Runs',
	'report.sc.noRuns': 'Not run yet.',
	'report.sc.dueAt': 'Due at',
	'report.sc.ranAt': 'Ran at',
	'report.sc.reports': 'Reports made',
	'report.sc.outcome': 'Outcome',
	'report.sc.outcome.ok': 'OK',
	'report.sc.outcome.failed': 'Failed',
	'report.sc.outcome.running': 'Running',
	'report.sc.errorCol': 'Reason',
	'report.sc.actions': 'Actions',
	'report.sc.dayHint': 'Day 31 runs on the last day of shorter months.',
	'report.sc.error.folderOutside':
		'The folder {folder} is outside the delivery folders ({folders}): scheduled reports are written only there or below. An administrator sets them (WORKBENCH_DELIVERY_FOLDERS).',
	'report.sc.folderHint': 'Within {folders}',
	'report.sc.error.notFound': 'Schedule {id} not found',
	'report.sc.error.noSmtp':
		'E-mail is not set up: set WORKBENCH_SMTP_URL (e.g. smtp://user:pass@host:587) and WORKBENCH_MAIL_FROM to deliver by e-mail',
	'report.sc.error.ownerDisabled':
		'The owner of this schedule, {owner}, is disabled, so it no longer runs; if it is still needed, have an active user create it again.',
	'report.sc.owner': 'Owner',
	'report.sc.ownerDisabled': '{owner} (disabled)',
	'report.sc.ownerNone': 'command line (whole company)',
	'report.sc.error.interrupted':
		'The run was interrupted (the server stopped during it); it is not rerun automatically',
	'report.sc.mail.subject': '{title} · {period} · {id}',
	'report.sc.mail.body':
		'Hello,\n\nAttached is the scheduled report "{title}" (period {period}, report ID {id}).\n\nSHA-256 of the attached PDF: {sha256}\nUse it to check the attachment is unaltered; downloading this report from the workbench gives the same file.\n\n-- Service Quality Workbench',
	'report.sc.cli.usage': `workbench report schedule list|run-due [--json]
workbench report schedule remove ID [--json]
workbench report schedule add --kind monthly-review|complaint-analysis --day D --time HH:MM [--format pdf|html|xlsx ...]
                 [--lang zh-CN|en] [--folder DIR] [--to ADDRESS ...] [--filter DIM=VALUE ...] [--disabled] [--json]

  run-due         run the schedules that are due now (for cron, without a server)
  --day, --time   the day of the month and the time, in WORKBENCH_TIMEZONE
  --folder, --to  where each report goes: a folder and/or e-mail addresses (the PDF)`,
	'report.sc.cli.removed': 'Schedule {id} removed',
	'report.sc.cli.none': 'No schedule is due.'
};
