import type { Command, CommandType } from './command.ts';
import type { Features, Handler } from './features/feature.ts';
import type { CommandContext, CoreDeps } from './ports.ts';
import type { Reply } from './reply.ts';

/** Which command types a feature file handles, and how to load it. */
function route<T extends CommandType>(types: readonly T[], load: () => Promise<Features<T>>) {
  return { types, load };
}

/**
 * Every feature file registers its commands here. Each is loaded on its first command (a dynamic
 * import, a chunk of its own in the bundle): a cold start parses only what the command needs.
 */
const routes = [
  route(['help', 'unknown'], async () => (await import('./features/help.ts')).helpFeature),
  route(['setup'], async () => (await import('./features/setup.ts')).setupFeature),
  route(['status'], async () => (await import('./features/status.ts')).statusFeature),
  route(['story.save'], async () => (await import('./features/story.ts')).storyFeature),
  route(['story.open', 'story.tell'], async () => (await import('./features/story-tell.ts')).storyTellFeature),
  route(['story.coach'], async () => (await import('./features/story-coach.ts')).storyCoachFeature),
  route(['story.history'], async () => (await import('./features/story-history.ts')).storyHistoryFeature),
  route(
    ['story.share', 'story.reflect.open', 'story.reflect.save'],
    async () => (await import('./features/story-share.ts')).storyShareFeature,
  ),
  route(['story.delete', 'story.needed'], async () => (await import('./features/story-admin.ts')).storyAdminFeature),
  route(['language'], async () => (await import('./features/language.ts')).languageFeature),
  route(
    ['roles', 'roles.adopt', 'roles.suggest', 'role.add', 'role.edit', 'role.remove', 'role.save'],
    async () => (await import('./features/roles.ts')).rolesFeature,
  ),
  route(
    ['assign', 'unassign', 'offer.accept', 'offer.decline.open', 'offer.decline'],
    async () => (await import('./features/assign.ts')).assignFeature,
  ),
  route(['tz', 'task', 'tasks', 'task.move'], async () => (await import('./features/tasks.ts')).tasksFeature),
  route(
    ['standup.set', 'standup.save', 'standup.off', 'standup.now', 'standup.show', 'standup.join', 'standup.holiday'],
    async () => (await import('./features/standup.ts')).standupFeature,
  ),
  route(
    ['standup.answer.open', 'standup.answer.save', 'standup.skip', 'away'],
    async () => (await import('./features/standup-answer.ts')).standupAnswerFeature,
  ),
  route(['standup.report'], async () => (await import('./features/standup-report.ts')).standupReportFeature),
  route(['strategy', 'strategy.open', 'strategy.save'], async () => (await import('./features/strategy.ts')).strategyFeature),
  route(
    ['campaign.milestone', 'campaign.new', 'campaign.save', 'campaign.dates.open', 'campaign.dates.save', 'campaign.list', 'campaign.show'],
    async () => (await import('./features/campaign.ts')).campaignFeature,
  ),
  route(
    ['event.new', 'event.save', 'event.rsvp', 'events', 'event.attended'],
    async () => (await import('./features/events.ts')).eventsFeature,
  ),
  route(
    ['debrief.open', 'debrief.save', 'next', 'next.assign', 'celebrate', 'export'],
    async () => (await import('./features/debrief.ts')).debriefFeature,
  ),
  route(
    ['ladder', 'ladder.open', 'ladder.save', 'join', 'welcome'],
    async () => (await import('./features/expansion.ts')).expansionFeature,
  ),
  route(
    ['oneonone.open', 'oneonone.save', 'oneonones', 'oneonone.target', 'values'],
    async () => (await import('./features/oneonones.ts')).oneOnOnesFeature,
  ),
  route(['pair', 'pair.met'], async () => (await import('./features/pairing.ts')).pairingFeature),
];

type Routed = (typeof routes)[number]['types'][number];
/** A command no feature handles is a compile error here. */
const everyCommandRouted: [Exclude<CommandType, Routed>] extends [never] ? true : never = true;
void everyCommandRouted;

const byType = new Map<CommandType, (typeof routes)[number]>(routes.flatMap((r) => r.types.map((type) => [type, r] as const)));

/** Runs a validated command. Unexpected failures are thrown for the edge to log and soften. */
export async function runCommand(command: Command, ctx: CommandContext, deps: CoreDeps): Promise<Reply> {
  const found = byType.get(command.type);
  if (!found) throw new Error(`no feature handles ${command.type}`);
  const features = (await found.load()) as unknown as Record<CommandType, Handler<typeof command.type>>;
  return features[command.type](command as never, ctx, deps);
}
