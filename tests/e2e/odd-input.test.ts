import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { discordCommand } from '../support/discord.ts';
import { sender, slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const GENERIC = 'Something went wrong on our side';

/** Whatever people type after a subcommand (empty, odd, too long, hostile), as leader and as member. */
const oddArgs = [
  '',
  'x',
  '???',
  '<@U1|>',
  '-1',
  '99999999999',
  '2026-02-30',
  'a'.repeat(500),
  '<!channel> `*_~',
  'by by by',
  'campaign:',
  '@ @ @',
];
const subcommands = [
  'standup',
  'standup set',
  'standup off',
  'standup now',
  'standup join',
  'standup leave',
  'standup holiday',
  'standup report',
  'away',
  'away until',
  'tz me',
  'strategy',
  'strategy history',
  'campaign',
  'campaign show',
  'campaign milestone',
  'campaign new',
  'event',
  'event new',
  'event attended',
  'events',
  'debrief',
  'next',
  'celebrate',
  'export',
  'erase',
  'ladder',
  'join',
  '1on1',
  '1on1 log',
  '1on1 target',
  '1on1s',
  'values',
  'pair',
  'pair start',
  'pair snooze',
  'pair now',
  'task',
  'tasks',
];

describe('odd input to every new command: a friendly answer, never an error', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('e2e-odd-input');
    await t.app.request(slashCommand('setup Odd Input', { channel_id: 'C1', user_id: COORDINATOR }));
  });
  afterAll(() => t.stop());
  const send = sender(() => t.app);

  it('answers every Slack subcommand with odd arguments, as the coordinator and as a member', async () => {
    const errors: unknown[] = [];
    for (const sub of subcommands)
      for (const arg of oddArgs)
        for (const user of [COORDINATOR, 'U5']) {
          const res = await send(slashCommand(`${sub} ${arg}`.trim(), { channel_id: 'C1', user_id: user }));
          if (res.status !== 200 || slackText(res.body).includes(GENERIC))
            errors.push({ sub, arg, user, status: res.status, text: slackText(res.body).slice(0, 120) });
        }
    expect(errors).toEqual([]);
  }, 120_000);

  it('answers forged or stale buttons and modals of the new features without an error', async () => {
    const ids = [
      'standup:answer:T0001:C1:2026-01-01.none',
      'standup:skip:T0001:C1:bad',
      'standup:answer:T9999:C1:x',
      'event:going:T0001:C1:nope',
      'event:maybe:T0001:C9:x',
      'pair:met:T0001:C1:9.9',
      'pair:met:T0001:C1:x',
      'debrief:open:T0001:C1:event.none',
      'campaign:dates:none',
      'ladder:edit',
      'strategy:edit',
      'task:done:T0001:C1:none',
    ];
    for (const id of ids) {
      t.recorder.reset();
      const res = await send(blockAction(id, { user: 'U5', channel: 'C1' }));
      expect(res.status, id).toBe(200);
      const said = t.recorder
        .callsTo('chat.postEphemeral')
        .map((c) => String(c.body.text))
        .join('\n');
      expect(said, id).not.toContain(GENERIC);
    }
    for (const [modal, state] of [
      ['standup.answer', 'T0001|C1|nope'],
      ['campaign.dates', 'none|x'],
      ['oneonone', '|'],
      ['debrief', 'T0001|C9|general'],
      ['event', ''],
      ['ladder', ''],
      ['erase', ''],
    ]) {
      t.recorder.reset();
      const res = await send(
        viewSubmission(modal as string, { q0: 'x', title: '', when: '' }, { user: 'U5', channel: 'C1', ...(state ? { state } : {}) }),
      );
      expect(res.status, modal).toBe(200);
      expect(JSON.stringify(res.body ?? ''), modal).not.toContain(GENERIC);
      expect(
        t.recorder
          .callsTo('chat.postEphemeral')
          .map((c) => String(c.body.text))
          .join('\n'),
        modal,
      ).not.toContain(GENERIC);
    }
  });

  it('answers Discord subcommands with odd options', async () => {
    for (const [sub, options] of [
      ['standup', { action: 'report', date: 'nope', to: '2026-13-01' }],
      ['pair', { action: 'snooze', until: '' }],
      ['event', { action: 'attended', id: 'x', people: '<@1> <@!2>' }],
      ['1on1', { action: 'target' }],
      ['next', { step: '0' }],
      ['campaign', { action: 'show', name: '???' }],
    ] as const) {
      const res = await t.app.request(discordCommand(sub, options as Record<string, string>));
      expect(res.status, sub).toBe(200);
      expect(await res.text(), sub).not.toContain(GENERIC);
    }
  });
});
