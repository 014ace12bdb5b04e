import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { adminHandlers } from './admin.ts';
import { coachHandlers } from './coach.ts';
import { type StoryCommand, storyCommands } from './commands.ts';
import { historyHandlers } from './history.ts';
import { storyActions, storyModals } from './ids.ts';
import { parseStoryArgs, storySubcommand } from './parse.ts';
import { questionsHandlers } from './questions.ts';
import { shareHandlers } from './share.ts';
import { runStoryShareJob } from './share-job.ts';
import { tellHandlers } from './tell.ts';

/** Stage 1: the questions and the vision, the three stories (self, us, now), their versions, sharing and reflections. */
export const storyFeature = feature<StoryCommand>({
  id: 'story',
  commands: storyCommands,
  handlers: { ...coachHandlers, ...questionsHandlers, ...tellHandlers, ...historyHandlers, ...shareHandlers, ...adminHandlers },
  readOnly: ['story.history', 'story.open', 'story.coach', 'story.reflect.open'],
  words: { story: (rest) => parseStoryArgs(rest) },
  discord: [storySubcommand],
  actions: storyActions,
  modals: storyModals,
  forms: {
    story: form('story', 'story'),
    'story.questions': form('story questions', 'story action:questions'),
    'story.self': form('story self', 'story action:self'),
    'story.us': form('story us', 'story action:us'),
    'story.now': form('story now', 'story action:now'),
    'story.kind': form('story $1', 'story action:$1'),
    'story.history': form('story history · $1 · $2', 'story action:history · kind:$1 · number:$2'),
    'story.share': form('story share $1', 'story action:share kind:$1'),
    'story.delete': form('story delete', 'story action:delete'),
    'story.needed': form('story needed · $1', 'story action:needed · number:$1'),
  },
  help: [
    { form: 'story', group: 'story', leadersOnly: true },
    { form: 'story.self', group: 'story', leadersOnly: false },
    { form: 'story.us', group: 'story', leadersOnly: true },
    { form: 'story.now', group: 'story', leadersOnly: true },
    { form: 'story.share', group: 'story', leadersOnly: false },
    { form: 'story.history', group: 'story', leadersOnly: false },
    { form: 'story.delete', group: 'story', leadersOnly: false },
    { form: 'story.needed', group: 'story', leadersOnly: true },
  ],
  aliases: { story: ['история', 'рассказ'] },
  // Follow-up work `story share` hands over (no due item of its own).
  jobs: { 'story.share': runStoryShareJob },
});
