import { beforeAll, describe, expect, it } from 'vitest';
import '../features.ts';
import { type Community, newCommunity, noActivity } from '../community/model.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import { plainText } from '../kernel/reply.ts';
import { type BoardRow, boardBlocks, rowText, stageCells } from './board-render.ts';
import type { Coalition } from './model.ts';

const at = '2026-11-20T10:00:00.000Z';
const community = (id: string, name: string, platform: 'slack' | 'discord' = 'slack', over: Partial<Community> = {}): Community => ({
  ...newCommunity({ tenant: { platform, id: `T${id}` }, id: `C${id}`, name, coordinatorId: `U${id}`, createdAt: at }),
  ...over,
});
const coalitionOf = (members: readonly Community[], story?: string): Coalition => ({
  id: 'co1',
  name: 'Riverside Tenants Coalition',
  members: members.map((c) => ({ tenant: c.tenant, communityId: c.id, name: c.name, joinedBy: c.coordinatorId, joinedAt: at })),
  createdAt: at,
  version: 3,
  ...(story ? { story: { text: story, by: 'U1', at } } : {}),
});

const elm = community('1', 'Elm Court Tenants', 'slack', {
  story: { goal: 'Warm flats', who: 'Tenants', how: 'A rent strike', when: 'This winter', vision: 'No one cold' },
  activity: { ...noActivity, events: 1, acceptedTasks: 3, oneOnOnes: 21, campaigns: 1 },
  campaign: {
    id: 'k1',
    name: 'Boilers now',
    endDate: '2026-12-31',
    phases: [
      { id: 'foundation', start: '2026-11-01', end: '2026-11-15' },
      { id: 'building', start: '2026-11-16', end: '2026-12-31' },
    ],
  },
});
const harbour = community('2', 'Harbour Street', 'discord', {
  strategy: { goal: 'Fixed', change: 'If 40 sign', tactics: 'Petition', timeline: 'January' },
  activity: { ...noActivity, events: 2, acceptedTasks: 1, oneOnOnes: 5 },
});

describe('the coalition board', () => {
  beforeAll(() => loadLocale('ru'));

  it('shows each stage of a member as its status card counts it', () => {
    const cells = stageCells('en', elm);
    expect(cells.split(' · ')).toHaveLength(7);
    expect(cells).toContain('Story 🟡 2/5');
    expect(cells).toContain('Leadership team 🟡 1/3');
    expect(stageCells('en', harbour)).toContain('Strategy ✅ 4/4');
    expect(stageCells('ru', harbour)).toContain('Стратегия ✅ 4/4');
  });

  it('gives a row its name, platform, counts in the right plural and the campaign’s current phase', () => {
    const en = rowText('en', { community: elm, today: '2026-11-20' });
    expect(en.split('\n')[0]).toBe('**Elm Court Tenants** · Slack');
    expect(en).toContain('1 event held · 3 tasks accepted · 21 one-on-ones logged');
    expect(en).toContain('📣 Boilers now: Building peaks');
    const ru = rowText('ru', { community: elm, today: '2026-11-20' });
    expect(ru).toContain('1 событие проведено · 3 задачи принято · 21 встреча один на один');
    expect(rowText('ru', { community: harbour })).toContain('2 события проведено · 1 задача принята · 5 встреч один на один');
    expect(rowText('en', { community: elm, today: '2027-01-05' })).not.toContain('📣');
    expect(rowText('en', { community: elm })).not.toContain('📣');
  });

  it('names the coalition, its story of us clipped, the members’ totals, then the rows in the order they joined', () => {
    const long = `${'We are many. '.repeat(60)}END`;
    const blocks = boardBlocks('en', coalitionOf([elm, harbour], long), [{ community: elm }, { community: harbour }]);
    const text = plainText(blocks);
    expect(blocks[0]).toEqual({ type: 'header', text: '🤝 Riverside Tenants Coalition: the coalition' });
    expect(text).toContain('📖 We are many.');
    expect(text).not.toContain('END');
    expect(text).toContain('…');
    expect(text).toContain('Together: 2 communities · 3 events held · 4 tasks accepted · 26 one-on-ones logged');
    expect(text.indexOf('Elm Court Tenants')).toBeLessThan(text.indexOf('Harbour Street'));
    expect(text).toContain('**Harbour Street** · Discord');
  });

  it('says how to write the story when there is none, in Russian', () => {
    const text = plainText(boardBlocks('ru', coalitionOf([harbour]), [{ community: harbour }]));
    expect(text).toContain('Истории «мы» пока нет');
    expect(text).toContain('Вместе: 1 сообщество · 2 события проведено');
    expect(text).not.toMatch(/Story|Strategy|events held/);
  });

  it('shortens fifty members to what fits, says how many more, and keeps every block within the platforms’ limits', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => community(String(100 + i), `Community number ${i + 1} of the long river valley`));
    const rows: BoardRow[] = fifty.map((c) => ({ community: c }));
    for (const locale of ['en', 'ru'] as const) {
      const blocks = boardBlocks(locale, coalitionOf(fifty, 'Why we unite.'), rows);
      const text = plainText(blocks);
      const shownRows = fifty.filter((c) => text.includes(`**${c.name}**`)).length;
      expect(shownRows).toBeGreaterThan(5);
      expect(shownRows).toBeLessThan(50);
      expect(text).toContain(locale === 'en' ? `…and ${50 - shownRows} more.` : `…и ещё ${50 - shownRows}`);
      expect(text).toContain(locale === 'en' ? 'Together: 50 communities' : 'Вместе: 50 сообществ');
      for (const block of blocks) if ('text' in block) expect(block.text.length).toBeLessThanOrEqual(3000);
      expect(text.length).toBeLessThanOrEqual(6000);
    }
  });

  it('shows fifty members ten a page, each page naming the next, the last past the end', () => {
    const fifty = Array.from({ length: 50 }, (_, i) => community(String(100 + i), `Community number ${i + 1} of the long river valley`));
    const rows: BoardRow[] = fifty.map((c) => ({ community: c }));
    const shownOn = (text: string) => fifty.flatMap((c, i) => (text.includes(`**${c.name}**`) ? [i + 1] : []));
    const second = plainText(boardBlocks('en', coalitionOf(fifty), rows, 2));
    expect(shownOn(second)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(second).toContain('…and 30 more.');
    // The adapters write the command as each platform types it (`coalition status 3`, `coalition status page:3`).
    expect(second).toContain('The next ones: {cmd:coalition.status.page 3} (of 5).');
    expect(second).toContain('Page 2 of 5.');
    // The totals are the whole coalition's on every page.
    expect(second).toContain('Together: 50 communities');
    const past = plainText(boardBlocks('ru', coalitionOf(fifty), rows, 9));
    expect(shownOn(past)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    expect(past).toContain('Страница 5 из 5.');
    expect(past).not.toContain('…и ещё');
  });

  it('shows all of a coalition that fits', () => {
    const text = plainText(boardBlocks('en', coalitionOf([elm, harbour]), [{ community: elm }, { community: harbour }]));
    expect(text).not.toContain('more.');
  });
});
