import { closeEn } from './close.en.ts';
import { createEn } from './create.en.ts';
import { logEn } from './log.en.ts';
import { stagesEn } from './stages.en.ts';
import { voteEn } from './vote.en.ts';

/** English texts of deciding together, by part. */
export const decisionsEn = { ...createEn, ...voteEn, ...closeEn, ...stagesEn, ...logEn } as const;
