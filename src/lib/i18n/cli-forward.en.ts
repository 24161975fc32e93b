import type { cliForwardZh } from './cli-forward.zh-CN';

/** CLI forwarding messages, English (what the CLI prints). */
export const cliForwardEn: Record<keyof typeof cliForwardZh, string> = {
	'system.cli.forward.needToken':
		'the server at {url} holds the database {path}. To send this command to it, give an API token with --token or WORKBENCH_TOKEN. Create one with: workbench user token add NAME --label cron (while the server is stopped), or on the account page of the web app.',
	'system.cli.forward.tokenRefused':
		'the server at {url} did not accept the token ({message}). Check it, or create a new one with: workbench user token add NAME --label cron',
	'system.cli.forward.unreachable':
		'the server at {url} (pid {pid}) holds the database but does not answer: {detail}',
	'system.cli.forward.refused': 'the server at {url} refused the request ({status}): {message}',
	'system.cli.forward.failed': '{message}',
	'system.cli.forward.checksum': 'the report {id} downloaded from {url} does not match its SHA-256 {sha256}',
	'system.cli.forward.heldBackup':
		'the server at {url} holds the database {path}. A backup needs the file to itself, so nothing was written. Stop the server, then run workbench backup again.',
	'system.cli.forward.heldRestore':
		'the server at {url} holds the database {path}. A restore replaces that file, so nothing was changed. Stop the server, then run workbench restore again.',
	'system.cli.forward.heldAuditVerify':
		'the server at {url} holds the database {path}. The check of the audit log’s hash chain is shown at {url}/admin/audit (signed in as an admin or auditor); or stop the server and run workbench audit verify again.'
};
