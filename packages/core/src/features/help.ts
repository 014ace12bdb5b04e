import type { Locale } from '../i18n/translate.ts';
import { t } from '../i18n/translate.ts';
import { ephemeral } from '../reply.ts';
import { clip } from '../text.ts';
import { localeFor } from './context.ts';
import type { Features } from './feature.ts';

function helpText(locale: Locale): string[] {
  return [
    t(locale, 'help.title'),
    [
      t(locale, 'help.usage'),
      ...(
        [
          'help',
          'setup',
          'status',
          'story',
          'storyTell',
          'storyMore',
          'roles',
          'role',
          'assign',
          'task',
          'standup',
          'away',
          'lang',
        ] as const
      ).map((c) => `• ${t(locale, `help.cmd.${c}`)}`),
    ].join('\n'),
  ];
}

/** `help`, and the answer to anything Organizer does not understand. */
export const helpFeature: Features<'help' | 'unknown'> = {
  help: async (_cmd, ctx, deps) => ephemeral(...helpText(localeFor(undefined, ctx, deps))),
  unknown: async (cmd, ctx, deps) => {
    const locale = localeFor(undefined, ctx, deps);
    const input = clip(cmd.input.replace(/[`<>*_~]/g, ''), 40);
    return ephemeral(t(locale, 'help.unknown', { input }), ...helpText(locale));
  },
};
