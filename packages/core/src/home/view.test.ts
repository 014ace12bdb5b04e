import { beforeAll, describe, expect, it } from 'vitest';
import { newCommunity } from '../community/model.ts';
// The features' command forms, which the texts name.
import '../features.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import type { Block } from '../kernel/reply.ts';
import type { Task } from '../tasks/model.ts';
import type { CommunityHome } from './read.ts';
import { TASKS_SHOWN, taskBlocks } from './sections.ts';
import { HOME_BLOCKS_MAX, homeBlocks, withinLimit } from './view.ts';

const at = '2026-11-24T00:00:00.000Z';
const NOW = new Date('2026-11-25T12:00:00.000Z');
const community = newCommunity({ tenant: { platform: 'slack', id: 'T1' }, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: at });
const task = (n: number, over: Partial<Task> = {}): Task => ({
  id: `t${n}`,
  communityId: 'C1',
  title: `Task ${n}`,
  ownerId: 'U2',
  createdBy: 'U1',
  status: 'accepted',
  createdAt: at,
  updatedAt: at,
  ...over,
});
const home = (over: Partial<CommunityHome> = {}): CommunityHome => ({
  snapshot: { community },
  leader: false,
  tasks: [],
  offers: [],
  standups: [],
  events: [],
  decisions: [],
  ...over,
});
const texts = (blocks: readonly Block[]) => blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('home view', () => {
  beforeAll(() => loadLocale('ru'));

  it('shows at most ten open tasks with their Done and Hand back, then says how many more', () => {
    const tasks = Array.from({ length: 13 }, (_, i) => task(i + 1));
    const blocks = taskBlocks('en', community, 'U2', [...tasks, task(99, { ownerId: 'U3' }), task(98, { status: 'done' })], 0);
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(TASKS_SHOWN);
    expect(actions[0]).toMatchObject({ buttons: [{ id: 'task:done:T1:C1:t1' }, { id: 'task:handBack:T1:C1:t1' }] });
    expect(blocks.at(-1)).toMatchObject({ type: 'context', text: expect.stringContaining('…and 3 more.') });
    expect(texts(blocks)).not.toContain('Task 99');
    expect(texts(blocks)).not.toContain('Task 98');
  });

  it('cuts a long title on whole characters', () => {
    const title = `${'x'.repeat(149)}😀😀`;
    const [, line] = taskBlocks('en', community, 'U2', [task(1, { title })], 0);
    const text = line && 'text' in line ? line.text : '';
    expect(text).toContain(`${'x'.repeat(149)}…`);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps a view within 100 blocks, ending on where to see the rest, never on a heading', () => {
    const many: Block[] = Array.from({ length: 150 }, (_, i) =>
      i === 98 ? { type: 'header', text: 'H' } : { type: 'text', text: `${i}` },
    );
    const kept = withinLimit('en', many);
    expect(kept.length).toBeLessThanOrEqual(HOME_BLOCKS_MAX);
    expect(kept.at(-1)).toMatchObject({ type: 'context', text: expect.stringContaining('{cmd:status}') });
    expect(kept.at(-2)?.type).toBe('text');
    expect(withinLimit('en', many.slice(0, 10))).toHaveLength(10);
  });

  it('explains how to start to someone in no community, in their language', async () => {
    const en = await homeBlocks({ locale: 'en', communities: [] }, 'U9', NOW);
    // Commands are named through the registry; the Slack renderer writes them out (`/community setup`).
    expect(texts(en)).toContain('{cmd:setup <name>}');
    const ru = await homeBlocks({ locale: 'ru', communities: [] }, 'U9', NOW, 'Готово');
    expect(ru[0]).toEqual({ type: 'context', text: 'Готово' });
    expect(texts(ru)).toContain('Вы пока не состоите');
  });

  it('gives a member their next step and no leaders’ part; a coordinator gets the board too', async () => {
    const member = texts(await homeBlocks({ locale: 'en', communities: [home()] }, 'U2', NOW));
    expect(member).toContain('Next:');
    expect(member).toContain('Nothing is waiting for you right now.');
    expect(member).not.toContain('For leaders');
    const leader = texts(await homeBlocks({ locale: 'en', communities: [home({ leader: true, members: [] })] }, 'U1', NOW));
    expect(leader).toContain('For leaders');
    expect(leader).toContain('Park: where we are');
  });

  it('puts each community under its own heading, with a divider between them', async () => {
    const other = { ...community, id: 'C2', homeChannelId: 'C2', name: 'Garden' };
    const blocks = await homeBlocks({ locale: 'en', communities: [home(), home({ snapshot: { community: other } })] }, 'U2', NOW);
    const headers = blocks.filter((b) => b.type === 'header').map((b) => ('text' in b ? b.text : ''));
    expect(headers).toEqual(['🏠 Park', '🏠 Garden']);
    expect(blocks.some((b) => b.type === 'divider')).toBe(true);
  });
});
