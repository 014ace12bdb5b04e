import { describe, expect, it, vi } from 'vitest';
import type { AnswerJob } from '../later.ts';
import { answerJob, contextOfAnswer, TargetExpired } from '../later.ts';
import type { CommandContext, CoreDeps } from '../ports.ts';
import { runAnswer } from './answer.ts';

const NOW = new Date('2026-12-02T10:00:00.000Z');
const slack = { platform: 'slack', id: 'T1' } as const;
const ctx: CommandContext = {
  tenant: slack,
  channelId: 'C1',
  userId: 'U1',
  userLocale: 'en',
  isPlatformAdmin: async () => true,
  answerLater: { platform: 'slack', responseUrl: 'https://hooks.slack.com/commands/T1/1/x' },
};

/** Deps where no community is found (the view then says so): enough to see what reaches the platform. */
function depsWith(answerInteraction: NonNullable<CoreDeps['messenger']['answerInteraction']>) {
  const warn = vi.fn();
  const deps = {
    store: { lookup: async () => ({ kind: 'none' }) },
    messenger: { answerInteraction },
    defaultLocale: 'en',
    now: () => NOW,
    log: { warn },
  } as unknown as CoreDeps;
  return { deps, warn };
}

describe('answerJob', () => {
  it('carries the request’s context and target, valid 30 minutes on Slack and 15 on Discord', () => {
    expect(answerJob(ctx, 'me', true, NOW)).toEqual({
      kind: 'answer',
      view: 'me',
      tenant: slack,
      channelId: 'C1',
      userId: 'U1',
      userLocale: 'en',
      admin: true,
      to: ctx.answerLater,
      expiresAt: '2026-12-02T10:30:00.000Z',
    });
    const discord = { ...ctx, answerLater: { platform: 'discord', applicationId: '1', token: 't' } } as const;
    expect(answerJob(discord, 'me', false, NOW)?.expiresAt).toBe('2026-12-02T10:15:00.000Z');
    const { answerLater: _, ...without } = ctx;
    expect(answerJob(without, 'me', false, NOW)).toBeUndefined();
  });

  it('draws in a context whose admin rights are what the platform said on the request', async () => {
    const job = answerJob(ctx, 'me', false, NOW) as AnswerJob;
    expect(await contextOfAnswer(job).isPlatformAdmin()).toBe(false);
    expect(contextOfAnswer(job).answerLater).toBeUndefined();
  });
});

describe('runAnswer', () => {
  const job = answerJob(ctx, 'me', false, NOW) as AnswerJob;

  it('sends the drawn view to the target where the person asked', async () => {
    const answer = vi.fn(async () => undefined);
    const { deps } = depsWith(answer);
    await runAnswer(job, deps);
    expect(answer).toHaveBeenCalledTimes(1);
    const [tenant, target, message] = answer.mock.calls[0] as unknown as [unknown, unknown, { text: string }];
    expect(tenant).toEqual(slack);
    expect(target).toEqual(job.to);
    expect(message.text).toContain('There is no community here yet');
  });

  it('drops a job past its target’s life without a call, and logs it without the url', async () => {
    const answer = vi.fn(async () => undefined);
    const { deps, warn } = depsWith(answer);
    await runAnswer({ ...job, expiresAt: NOW.toISOString() }, deps);
    expect(answer).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(warn.mock.calls)).not.toContain('hooks.slack.com');
  });

  it('drops an answer the platform refuses for good (expired), and rethrows one worth another try', async () => {
    const { deps, warn } = depsWith(async () => {
      throw new TargetExpired('slack', 404);
    });
    await expect(runAnswer(job, deps)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    const busy = depsWith(async () => {
      throw Object.assign(new Error('Slack response_url → 503'), { status: 503 });
    });
    await expect(runAnswer(job, busy.deps)).rejects.toThrow('503');
    expect(busy.warn).not.toHaveBeenCalled();
  });
});
