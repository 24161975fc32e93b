declare global {
	namespace App {
		interface Locals {
			locale: 'zh-CN' | 'en';
		}
	}
}

export {};
