/** system messages (errors included), zh-CN; keys are prefixed 'system.'. */
export const systemZh = {
	'system.badSetting': '设置 {name} 的值“{value}”无效：{problem}'
} as const;
