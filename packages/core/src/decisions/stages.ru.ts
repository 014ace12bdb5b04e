import type { stagesEn } from './stages.en.ts';

export const stagesRu: Record<keyof typeof stagesEn, string> = {};
