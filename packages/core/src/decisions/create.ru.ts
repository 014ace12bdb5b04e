import type { createEn } from './create.en.ts';

export const createRu: Record<keyof typeof createEn, string> = {};
