/** Report schedule messages, zh-CN; keys are prefixed 'report.sc.'. */
export const reportScheduleZh = {
	'report.sc.title': '定时报告',
	'report.sc.intro':
		'服务器按时区 {zone} 在每月指定日期和时间生成上一个完整月份的报告并投递。服务器停机期间错过的运行，在启动时补跑一次（每个定时任务只补最近错过的一次）；失败的运行会记录原因，不会反复重试。',
	'report.sc.add': '新建定时报告',
	'report.sc.edit': '编辑',
	'report.sc.save': '保存',
	'report.sc.cancel': '取消',
	'report.sc.delete': '删除',
	'report.sc.confirmDelete': '删除定时报告 #{id}？已生成的报告会保留，运行记录会删除。',
	'report.sc.enable': '启用',
	'report.sc.disable': '停用',
	'report.sc.empty': '还没有定时报告。',
	'report.sc.formats': '格式',
	'report.sc.day': '每月第几日',
	'report.sc.time': '时间',
	'report.sc.when': '每月 {day} 日 {time}',
	'report.sc.folder': '投递文件夹（绝对路径）',
	'report.sc.recipients': '邮件收件人（逗号分隔）',
	'report.sc.enabled': '已启用',
	'report.sc.delivery': '投递',
	'report.sc.nextDue': '下次运行',
	'report.sc.lastRun': '最近运行',
	'report.sc.off': '已停用',
	'report.sc.runs': '运行记录',
	'report.sc.noRuns': '尚未运行。',
	'report.sc.dueAt': '应运行时间',
	'report.sc.ranAt': '实际运行时间',
	'report.sc.reports': '生成的报告',
	'report.sc.outcome': '结果',
	'report.sc.outcome.ok': '成功',
	'report.sc.outcome.failed': '失败',
	'report.sc.outcome.running': '运行中',
	'report.sc.errorCol': '原因',
	'report.sc.actions': '操作',
	'report.sc.dayHint': '31 日在较短的月份按该月最后一天运行。',
	'report.sc.error.folderOutside':
		'文件夹 {folder} 不在投递文件夹（{folders}）之内：定时报告只写入这些文件夹及其子文件夹，由管理员设置（WORKBENCH_DELIVERY_FOLDERS）。',
	'report.sc.folderHint': '须在 {folders} 之内',
	'report.sc.error.notFound': '找不到定时报告 {id}',
	'report.sc.error.noSmtp':
		'未配置邮件发送：请设置 WORKBENCH_SMTP_URL（如 smtp://用户:密码@主机:587）和 WORKBENCH_MAIL_FROM 后再使用邮件投递',
	'report.sc.error.interrupted': '运行被中断（服务器在运行期间停止），不会自动重跑',
	'report.sc.error.ownerDisabled':
		'定时报告的创建者 {owner} 已被停用，此定时报告不再运行；如仍需要，请由在职用户重新创建。',
	'report.sc.owner': '创建者',
	'report.sc.ownerDisabled': '{owner}（已停用）',
	'report.sc.ownerNone': '命令行（全公司）',
	'report.sc.mail.subject': '{title} · {period} · {id}',
	'report.sc.mail.body':
		'您好：\n\n附件是定时生成的《{title}》（报告期 {period}，报告编号 {id}）。\n\n附件 PDF 的 SHA-256：{sha256}\n可用该值核对附件未被改动；工作台中同一编号的报告下载所得文件与之完全相同。\n\n—— 服务质量工作台',
	'report.sc.cli.usage': `workbench report schedule list|run-due [--json]
workbench report schedule remove ID [--json]
workbench report schedule add --kind monthly-review|complaint-analysis --day D --time HH:MM [--format pdf|html|xlsx ...]
                 [--lang zh-CN|en] [--folder 目录] [--to 邮箱 ...] [--filter 维度=值 ...] [--disabled] [--json]

  run-due         运行当前到期的定时报告（供不运行服务器时的 cron 使用）
  --day, --time   每月的日期与时间，按 WORKBENCH_TIMEZONE
  --folder, --to  报告的去向：目录和/或邮箱（发送 PDF）`,
	'report.sc.cli.removed': '已删除定时报告 {id}',
	'report.sc.cli.none': '没有到期的定时报告。'
};
