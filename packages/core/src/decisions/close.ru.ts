import type { closeEn } from './close.en.ts';

export const closeRu: Record<keyof typeof closeEn, string> = {};
