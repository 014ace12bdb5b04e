import { describe, expect, it } from 'vitest';
import { parseSlashText, parseViewSubmission } from './parse.ts';

describe('parseSlashText', () => {
  it('maps subcommands and their arguments to commands', () => {
    expect(parseSlashText('')).toEqual({ type: 'help' });
    expect(parseSlashText('  STATUS ')).toEqual({ type: 'status' });
    expect(parseSlashText('setup Green Street  Tenants')).toEqual({ type: 'setup', name: 'Green Street Tenants', fromModal: false });
    expect(parseSlashText('setup')).toEqual({ type: 'setup', fromModal: false });
    expect(parseSlashText('story')).toEqual({ type: 'story.coach' });
    expect(parseSlashText('story us')).toEqual({ type: 'story.open', kind: 'us' });
    expect(parseSlashText('story history now 2')).toEqual({ type: 'story.history', kind: 'now', version: 2 });
    expect(parseSlashText('story needed x')).toEqual({ type: 'story.needed', count: -1 });
    expect(parseSlashText('lang ru')).toEqual({ type: 'language', locale: 'ru', me: false });
    expect(parseSlashText('lang me ru')).toEqual({ type: 'language', locale: 'ru', me: true });
    expect(parseSlashText('lang me off')).toEqual({ type: 'language', locale: 'off', me: true });
    expect(parseSlashText('lang me')).toEqual({ type: 'language', me: true });
    // The next word is kept for the suggestion (`evnt new` → `event new`).
    expect(parseSlashText('dance now')).toEqual({ type: 'unknown', input: 'dance now' });
  });

  it('undoes Slack’s escaping of &, < and >', () => {
    expect(parseSlashText('setup Tenants &amp; Friends &lt;3')).toMatchObject({ name: 'Tenants & Friends <3' });
  });
});

describe('parseViewSubmission', () => {
  const view = (values: Record<string, string>) => ({
    state: { values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }])) },
  });

  it('reads the story modal’s inputs by block id', () => {
    expect(parseViewSubmission('story', view({ goal: 'g', vision: 'v' }))).toEqual({
      type: 'story.save',
      answers: { goal: 'g', vision: 'v' },
    });
  });

  it('reads the setup modal and marks it as coming from a modal', () => {
    expect(parseViewSubmission('setup', view({ name: 'N' }))).toEqual({ type: 'setup', name: 'N', fromModal: true });
  });

  it('ignores modals that are not ours and malformed state', () => {
    expect(parseViewSubmission('other', view({}))).toBeUndefined();
    expect(parseViewSubmission('story', { state: 'nonsense' })).toEqual({ type: 'story.save', answers: {} });
  });
});
