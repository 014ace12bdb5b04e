/** The three stories of the method, each told through its own prompts (one modal input each). */
export const storyKinds = ['self', 'us', 'now'] as const;
export type StoryKind = (typeof storyKinds)[number];
/** What `story <kind>` opens: the questions' modal or a story's. */
export const openKinds = ['questions', ...storyKinds] as const;
export type OpenKind = (typeof openKinds)[number];

export const storyPrompts = {
  /** Why I am here: a challenge, the choice, what happened, what it taught, why it calls me. */
  self: ['challenge', 'choice', 'outcome', 'lesson', 'calling'],
  /** Who we are together: shared experiences and values. */
  us: ['experiences', 'values'],
  /** Why now: the urgent challenge, the choice we face, the hopeful outcome, the concrete ask. */
  now: ['challenge', 'choice', 'hope', 'ask'],
} as const satisfies Record<StoryKind, readonly string[]>;

/** What has versions: the three stories, the four questions with the vision, and the strategy. */
export type VersionKind = StoryKind | 'questions' | 'strategy';

/** The owner of the community's own stories (us, now); a story of self is owned by its member. */
export const COMMUNITY_OWNER = 'community';

/** A new version of something the whole community owns (the four questions, the strategy), by `authorId` at `at`. */
export const communityVersion = (kind: VersionKind, version: number, parts: object, authorId: string, at: Date): StoryVersion => ({
  kind,
  owner: COMMUNITY_OWNER,
  version,
  parts: Object.fromEntries(Object.entries(parts).filter((e): e is [string, string] => typeof e[1] === 'string')),
  authorId,
  createdAt: at.toISOString(),
});

/** One saved telling of a story. Every save is a new version; none is ever overwritten. */
export interface StoryVersion {
  readonly kind: VersionKind;
  /** The member for a story of self, `community` for us and now. */
  readonly owner: string;
  readonly version: number;
  readonly parts: Readonly<Record<string, string>>;
  readonly authorId: string;
  readonly createdAt: string;
}

/** Where a story was shared: its message, whose thread collects reflections and retellings. */
export interface StoryShare {
  readonly channelId: string;
  readonly messageId: string;
  readonly version: number;
}

/** The latest version of a story, plus where it was shared (a story of self only with its author's consent). */
export interface StoryHead extends StoryVersion {
  readonly kind: StoryKind;
  readonly share?: StoryShare;
}

/** Identifies a story across a button or modal round trip: `self:U123`, `us:community`. */
export function storyRef(kind: StoryKind, owner: string): string {
  return `${kind}:${owner}`;
}

export function parseStoryRef(ref: string): { kind: StoryKind; owner: string } | undefined {
  const [kind, owner] = ref.split(':');
  return (storyKinds as readonly string[]).includes(kind ?? '') && owner && /^[A-Za-z0-9]{1,32}$/.test(owner)
    ? { kind: kind as StoryKind, owner }
    : undefined;
}
