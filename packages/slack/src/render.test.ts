import { ephemeral, message } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { renderModal, renderSlashResponse, toMrkdwn } from './render.ts';

describe('toMrkdwn', () => {
  it('turns **bold** into Slack bold and keeps mentions', () => {
    expect(toMrkdwn('**Story**: 2/5 by <@U123> in <#C9>')).toBe('*Story*: 2/5 by <@U123> in <#C9>');
  });

  it('escapes user text so it cannot ping everyone or inject links', () => {
    expect(toMrkdwn('<!channel> & <https://evil|click>')).toBe('&lt;!channel&gt; &amp; &lt;https://evil|click&gt;');
  });
});

describe('renderSlashResponse', () => {
  it('keeps ephemeral replies ephemeral and channel replies in the channel', () => {
    expect(renderSlashResponse(ephemeral('hi'))).toMatchObject({ response_type: 'ephemeral', text: 'hi' });
    const shared = message('channel', [
      { type: 'header', text: 'Title' },
      { type: 'text', text: 'Body' },
    ]);
    expect(renderSlashResponse(shared)).toMatchObject({
      response_type: 'in_channel',
      blocks: [{ type: 'header' }, { type: 'section', text: { type: 'mrkdwn', text: 'Body' } }],
    });
  });
});

describe('renderModal', () => {
  it('builds a modal within Slack’s limits carrying the channel', () => {
    const view = renderModal(
      {
        id: 'story',
        title: 'A title much longer than twenty-four characters',
        submit: 'Save',
        fields: [{ id: 'goal', label: 'Goal', multiline: true, required: false, maxLength: 5000, value: 'old' }],
      },
      'C1',
    ) as any;
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.private_metadata).toBe('{"channelId":"C1"}');
    expect(view.blocks[0]).toMatchObject({
      block_id: 'goal',
      optional: true,
      element: { action_id: 'value', max_length: 3000, initial_value: 'old' },
    });
  });
});

describe('dates', () => {
  it('shows a date token in each reader’s own calendar, with a readable fallback', () => {
    expect(toMrkdwn('due <t:1764892799:D>')).toBe('due <!date^1764892799^{date_short}|2025-12-04>');
    expect(toMrkdwn('at <t:1764892800:F>')).toBe('at <!date^1764892800^{date_long_pretty} {time}|2025-12-05 00:00 UTC>');
  });
});

describe('whole characters and typed mentions', () => {
  it('cuts a long text before an emoji, never inside it, so the request can be encoded', () => {
    const celebration = `${'a'.repeat(2999)}👩‍👩‍👧 we won`;
    const rendered = renderSlashResponse(ephemeral(celebration)) as any;
    const text: string = rendered.blocks[0].text.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('a…')).toBe(true);
    expect(() => encodeURIComponent(JSON.stringify(rendered))).not.toThrow();
  });

  it('shows a mention someone typed as a name, and never a live broadcast', () => {
    expect(toMrkdwn('thanks <@U2|maria> and <!here>')).toBe('thanks @\u2060maria and &lt;!here&gt;');
    expect(toMrkdwn('asked <@U2> to lead')).toBe('asked <@U2> to lead');
  });

  it('leaves out a prefill the input cannot hold rather than cutting it', () => {
    const long = 'x'.repeat(3001);
    const view = renderModal(
      {
        id: 'strategy',
        title: 'Strategy',
        submit: 'Save',
        fields: [{ id: 'goal', label: 'Goal', multiline: true, required: false, maxLength: 5000, value: long }],
      },
      'C1',
    ) as any;
    expect(view.blocks[0].element.initial_value).toBeUndefined();
  });
});
