/** What the CLI says when it sends its work to the running server (src/cli/forward.ts), spread into zh-CN.ts. */
export const cliForwardZh = {
	'system.cli.forward.needToken':
		'服务器 {url} 正在使用数据库 {path}。要把此命令交给服务器执行，请用 --token 或环境变量 WORKBENCH_TOKEN 提供 API 令牌。创建令牌：workbench user token add 用户名 --label cron（在服务器停止时运行），或在网页的账户页面创建。',
	'system.cli.forward.tokenRefused':
		'服务器 {url} 不接受此令牌（{message}）。请检查令牌，或用 workbench user token add 用户名 --label cron 重新创建。',
	'system.cli.forward.unreachable': '服务器 {url}（进程 {pid}）正在使用数据库，但没有响应：{detail}',
	'system.cli.forward.refused': '服务器 {url} 拒绝了请求（{status}）：{message}',
	'system.cli.forward.failed': '{message}',
	'system.cli.forward.checksum': '从 {url} 下载的报告 {id} 与其 SHA-256 {sha256} 不符',
	'system.cli.forward.heldBackup':
		'服务器 {url} 正在使用数据库 {path}。备份需要独占数据库文件，因此没有写入任何内容。请先停止服务器，再运行 workbench backup。',
	'system.cli.forward.heldRestore':
		'服务器 {url} 正在使用数据库 {path}。恢复会替换该文件，因此没有做任何更改。请先停止服务器，再运行 workbench restore。',
	'system.cli.forward.heldAuditVerify':
		'服务器 {url} 正在使用数据库 {path}。审计日志哈希链的校验结果见 {url}/admin/audit（以管理员或审计员身份登录）；也可停止服务器后再运行 workbench audit verify。'
} as const;
