import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../kernel/i18n/translate.ts';
import { ballotWords } from './log-export.ts';
import { cardLink, chatWhen, logEntry, outcomeSummary } from './log-lines.ts';
import type { Decision } from './model.ts';

const base: Decision = {
  id: 'd1',
  communityId: 'C1',
  kind: 'proposal',
  title: 'Join the rent strike',
  options: [],
  rule: 'consent',
  electorate: { kind: 'everyone' },
  anonymous: false,
  authorId: 'U1',
  channelId: 'C1',
  createdAt: '2026-12-01T10:00:00.000Z',
  closesAt: '2026-12-04T10:00:00.000Z',
  status: 'closed',
  closedAt: '2026-12-04T10:00:00.000Z',
  version: 1,
};
const closed = (over: Partial<Decision>): Decision => ({ ...base, ...over });

describe('outcomeSummary', () => {
  beforeAll(() => loadLocale('ru'));

  it('says whether a proposal passed, with every position counted and the turnout', () => {
    const d = closed({ outcome: { passed: true, winners: [], ballots: 5, eligible: 12, totals: [3, 1, 1, 0] } });
    expect(outcomeSummary('en', d, chatWhen)).toBe('passed (agree 3 · abstain 1 · disagree 1 · block 0) · 5 of 12 voted');
    expect(outcomeSummary('ru', d, chatWhen)).toBe('принято (за 3 · воздержались 1 · против 1 · блок 0) · проголосовали 5 из 12');
    const blocked = closed({ outcome: { passed: false, winners: [], ballots: 1, eligible: 0, totals: [0, 0, 0, 1] } });
    expect(outcomeSummary('ru', blocked, chatWhen)).toBe('не принято (за 0 · воздержались 0 · против 0 · блок 1) · 1 голос');
  });

  it('names a poll’s winner, keeps every tied option, shows time slots as instants and runoff rounds', () => {
    const poll = { kind: 'simple', options: ['Hall', 'Park', 'Library'] } as const;
    expect(outcomeSummary('en', closed({ ...poll, outcome: { winners: [1], ballots: 4, eligible: 0, totals: [1, 3, 0] } }), chatWhen)).toBe(
      'chosen: Park (3) · 4 voted',
    );
    expect(
      outcomeSummary('en', closed({ ...poll, outcome: { winners: [0, 2], ballots: 4, eligible: 0, totals: [2, 0, 2] } }), chatWhen),
    ).toBe('tie: Hall, Library (each with 2) · 4 voted');
    const time = closed({ kind: 'time', options: ['1796738400'], outcome: { winners: [0], ballots: 2, eligible: 3, totals: [2] } });
    expect(outcomeSummary('en', time, chatWhen)).toBe('chosen: <t:1796738400:f> (2) · 2 of 3 voted');
    const ranked = closed({
      kind: 'ranked',
      options: ['A', 'B', 'C'],
      outcome: {
        winners: [2],
        ballots: 5,
        eligible: 0,
        totals: [0, 2, 3],
        rounds: [
          [2, 1, 2],
          [0, 2, 3],
        ],
      },
    });
    expect(outcomeSummary('ru', ranked, chatWhen)).toBe('выбрано: C (3) после 2 туров · 5 голосов');
    expect(outcomeSummary('en', closed({ ...poll, outcome: { winners: [], ballots: 0, eligible: 0, totals: [0, 0, 0] } }), chatWhen)).toBe(
      'nobody voted',
    );
    expect(outcomeSummary('en', closed({ status: 'open' }), chatWhen)).toBeUndefined();
  });

  it('counts an opt-in’s volunteers with the Russian plural forms', () => {
    const optin = (n: number) =>
      closed({ kind: 'optin', options: ['Flyers'], outcome: { winners: [0], ballots: n, eligible: 0, totals: [n] } });
    expect(outcomeSummary('ru', optin(1), chatWhen)).toMatch(/^1 доброволец/);
    expect(outcomeSummary('ru', optin(3), chatWhen)).toMatch(/^3 добровольца/);
    expect(outcomeSummary('ru', optin(5), chatWhen)).toMatch(/^5 добровольцев/);
  });
});

describe('cardLink and logEntry', () => {
  it('links the card on each platform and shows the reopening chain both ways', () => {
    expect(cardLink({ platform: 'slack', id: 'T1' }, { channelId: 'C1', messageId: '1764892800.000100' })).toBe(
      'https://slack.com/archives/C1/p1764892800000100',
    );
    expect(cardLink({ platform: 'discord', id: 'G1' }, { channelId: '22', messageId: '33' })).toBe('https://discord.com/channels/G1/22/33');
    expect(cardLink({ platform: 'slack', id: 'T1' }, { channelId: 'C1' })).toBeUndefined();
    const old = closed({ id: 'old', reopenedBy: 'new', messageId: '1.2' });
    const next = closed({ id: 'new', title: 'Strike, take two', reopens: 'old', status: 'open', outcome: undefined });
    const others = new Map([old, next].map((d) => [d.id, d]));
    expect(logEntry('en', { platform: 'slack', id: 'T1' }, old, others)).toContain('reopened by **Strike, take two** (`new`)');
    const entry = logEntry('en', { platform: 'slack', id: 'T1' }, next, others);
    expect(entry).toContain('🗳️ **Strike, take two** · proposal · open until <t:1796378400:f> · id `new`');
    expect(entry).toContain('reopens **Join the rent strike** (`old`)');
    expect(entry).toContain('card in <#C1>');
  });

  it('defuses mentions in titles and statements, and clips long statements on whole characters', () => {
    const d = closed({ title: 'Ping <!channel>', statement: `${'👩‍👩‍👧'.repeat(100)} done`, outcome: undefined });
    const entry = logEntry('en', { platform: 'slack', id: 'T1' }, d, new Map());
    expect(entry).not.toContain('<!channel>');
    expect(entry).toMatch(/👩‍👩‍👧…”/u);
  });
});

describe('ballotWords', () => {
  it('writes each kind’s values in words', () => {
    const at = '2026-12-02T10:00:00.000Z';
    expect(ballotWords(base, { decisionId: 'd1', userId: 'U2', values: [3], at })).toBe('block');
    const score = closed({ kind: 'score', options: ['A', 'B'] });
    expect(ballotWords(score, { decisionId: 'd1', userId: 'U2', values: [4, 1], at })).toBe('A: 4; B: 1');
    const ranked = closed({ kind: 'ranked', options: ['A', 'B', 'C'] });
    expect(ballotWords(ranked, { decisionId: 'd1', userId: 'U2', values: [2, 0], at })).toBe('1. C; 2. A');
    const time = closed({ kind: 'time', options: ['1796738400', '1796742000'] });
    expect(ballotWords(time, { decisionId: 'd1', userId: 'U2', values: [1], at })).toBe('2026-12-08T15:00:00.000Z');
  });
});
