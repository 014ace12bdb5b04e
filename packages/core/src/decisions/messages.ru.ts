import { closeRu } from './close.ru.ts';
import { createRu } from './create.ru.ts';
import { logRu } from './log.ru.ts';
import type { decisionsEn } from './messages.en.ts';
import { stagesRu } from './stages.ru.ts';
import { voteRu } from './vote.ru.ts';

export const decisionsRu: Record<keyof typeof decisionsEn, string> = { ...createRu, ...voteRu, ...closeRu, ...stagesRu, ...logRu };
