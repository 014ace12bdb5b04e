import { ephemeral, message } from '@organizer/core';
import { describe, expect, it } from 'vitest';
import { communityCommand } from './commands.ts';
import { renderReply } from './render.ts';

describe('renderReply', () => {
  it('marks ephemeral replies with flag 64 and pings nobody', () => {
    const response = renderReply(ephemeral('hello <@1>')) as any;
    expect(response).toMatchObject({ type: 4, data: { content: 'hello <@1>', flags: 64, allowed_mentions: { parse: [] } } });
    expect((renderReply(message('channel', [{ type: 'text', text: 'hi' }])) as any).data.flags).toBeUndefined();
  });

  it('moves a message longer than 2000 characters into an embed', () => {
    const response = renderReply(ephemeral('x'.repeat(2500))) as any;
    expect(response.data.content).toBeUndefined();
    expect(response.data.embeds[0].description).toHaveLength(2500);
  });

  it('renders modals with Label components within Discord’s limits', () => {
    const long = 'L'.repeat(60);
    const response = renderReply({
      kind: 'modal',
      modal: {
        id: 'story',
        title: long,
        submit: 'Save',
        fields: [{ id: 'goal', label: long, hint: 'h'.repeat(150), multiline: true, required: false, maxLength: 1000 }],
      },
    }) as any;
    expect(response.type).toBe(9);
    expect(response.data.title.length).toBeLessThanOrEqual(45);
    const [label] = response.data.components;
    expect(label).toMatchObject({ type: 18, component: { type: 4, custom_id: 'goal', style: 2, max_length: 1000 } });
    expect(label.label.length).toBeLessThanOrEqual(45);
    expect(label.description.length).toBeLessThanOrEqual(100);
  });
});

describe('communityCommand', () => {
  it('keeps every description within 100 characters in both languages', () => {
    const descriptions: string[] = [];
    const walk = (node: any) => {
      descriptions.push(node.description, ...(Object.values(node.description_localizations ?? {}) as string[]));
      for (const child of node.options ?? []) walk(child);
    };
    walk(communityCommand);
    expect(descriptions.length).toBeGreaterThan(10);
    for (const d of descriptions) expect(d.length).toBeLessThanOrEqual(100);
  });
});

describe('mentions and limits', () => {
  it('lets no message ping anyone unless it names who', () => {
    const plain = renderReply(ephemeral('<@123> @everyone')) as any;
    expect(plain.data.allowed_mentions).toEqual({ parse: [] });
    const meant = renderReply({ ...message('channel', [{ type: 'text', text: 'for <@42>' }]), ping: ['42'] }) as any;
    expect(meant.data.allowed_mentions).toEqual({ parse: [], users: ['42'] });
    const refused = renderReply({ kind: 'fieldErrors', errors: { a: 'x' }, text: '<@1> bad' }) as any;
    expect(refused.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('cuts long content on a grapheme boundary', () => {
    const reply = renderReply(ephemeral(`${'b'.repeat(4094)}🇺🇦🇺🇦`)) as any;
    const description: string = reply.data.embeds[0].description;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toBe(`${'b'.repeat(4094)}…`);
  });

  it('wraps more than five buttons onto another row instead of dropping them', () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({ id: `b${i}`, label: `B${i}` }));
    const reply = renderReply(message('ephemeral', [{ type: 'actions', buttons }])) as any;
    expect(reply.data.components.map((row: any) => row.components.length)).toEqual([5, 2]);
  });
});
