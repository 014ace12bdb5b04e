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
