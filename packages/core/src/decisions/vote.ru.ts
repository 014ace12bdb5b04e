import type { voteEn } from './vote.en.ts';

export const voteRu: Record<keyof typeof voteEn, string> = {};
