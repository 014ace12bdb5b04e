import { newCommunity, type StoryHead, type Tenant } from '@organizer/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { allItems, createTestTable } from '../../../tests/support/table.ts';
import { DynamoCommunityStore } from './community-store.ts';
import { DynamoStoryStore } from './story-store.ts';

const tenant: Tenant = { platform: 'discord', id: 'G1' };
const story = (kind: StoryHead['kind'], owner: string, version: number, text: string): StoryHead => ({
  kind,
  owner,
  version,
  parts: { challenge: text },
  authorId: owner === 'community' ? 'U1' : owner,
  createdAt: `2026-11-24T10:0${version}:00.000Z`,
});

describe('DynamoStoryStore', () => {
  let stories: DynamoStoryStore;
  let communities: DynamoCommunityStore;
  let table: Awaited<ReturnType<typeof createTestTable>>;
  beforeAll(async () => {
    table = await createTestTable('story-store');
    stories = new DynamoStoryStore(table.db, table.tableName);
    communities = new DynamoCommunityStore(table.db, table.tableName);
    await communities.create(newCommunity({ tenant, id: 'C1', name: 'Park', coordinatorId: 'U1', createdAt: '2026-11-24T10:00:00.000Z' }));
  });

  it('saves the next version of the story of us and refuses a second save of the same version', async () => {
    expect(await stories.saveStory(tenant, 'C1', story('us', 'community', 1, 'first'))).toBe('saved');
    expect(await stories.saveStory(tenant, 'C1', story('us', 'community', 2, 'second'))).toBe('saved');
    // Two leaders who both read version 2 and save: the second one is told, nothing is lost.
    expect(await stories.saveStory(tenant, 'C1', story('us', 'community', 3, 'third'))).toBe('saved');
    expect(await stories.saveStory(tenant, 'C1', story('us', 'community', 3, 'racing'))).toBe('conflict');
    const versions = await stories.versions(tenant, 'C1', 'us', 'community', 10);
    expect(versions.map((v) => [v.version, v.parts.challenge])).toEqual([
      [3, 'third'],
      [2, 'second'],
      [1, 'first'],
    ]);
  });

  it('counts a member once among the authors of stories of self, however often they retell', async () => {
    expect(await stories.saveStory(tenant, 'C1', story('self', 'U2', 1, 'mine'))).toBe('saved');
    expect(await stories.saveStory(tenant, 'C1', story('self', 'U2', 2, 'mine again'))).toBe('saved');
    expect(await stories.saveStory(tenant, 'C1', story('self', 'U2', 2, 'stale tab'))).toBe('conflict');
    const found = await communities.lookup(tenant, 'C1');
    expect(found.kind === 'found' && found.snapshot.community.selfAuthors).toEqual(['U2']);
    expect((await stories.selfStory(tenant, 'C1', 'U2'))?.parts.challenge).toBe('mine again');
  });

  it('refuses to save a story in a community that does not exist', async () => {
    expect(await stories.saveStory(tenant, 'C404', story('now', 'community', 1, 'x'))).toBe('missing');
    expect(await stories.saveStory(tenant, 'C404', story('self', 'U2', 1, 'x'))).toBe('missing');
    expect((await allItems(table.db, table.tableName)).some((i) => String(i.sk).includes('C404'))).toBe(false);
  });

  it('keeps the share of a story across retellings and deletes a story of self with every version', async () => {
    const head = (await stories.selfStory(tenant, 'C1', 'U2')) as StoryHead;
    expect(await stories.markShared(tenant, 'C1', head, { channelId: 'C1', messageId: 'M1', version: 2 })).toBe('saved');
    expect((await stories.selfStory(tenant, 'C1', 'U2'))?.share).toEqual({ channelId: 'C1', messageId: 'M1', version: 2 });
    expect(await stories.deleteSelf(tenant, 'C1', 'U2')).toBe(2);
    expect(await stories.selfStory(tenant, 'C1', 'U2')).toBeUndefined();
    expect((await allItems(table.db, table.tableName)).some((i) => String(i.sk).includes('U2'))).toBe(false);
    const found = await communities.lookup(tenant, 'C1');
    expect(found.kind === 'found' && found.snapshot.community.selfAuthors).toEqual([]);
  });
});
