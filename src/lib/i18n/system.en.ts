import type { systemZh } from './system.zh-CN';

/** English system messages; the type makes a missing key a compile error. */
export const systemEn: Record<keyof typeof systemZh, string> = {
	'system.badSetting': 'The setting {name} has an invalid value "{value}": {problem}'
};
