import type { logEn } from './log.en.ts';

export const logRu: Record<keyof typeof logEn, string> = {};
