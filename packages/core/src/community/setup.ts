import { leadersOnly, localeFor } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t } from '../kernel/i18n/translate.ts';
import type { CommandContext } from '../kernel/ports.ts';
import type { Block, ModalField, Reply } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import { computeProgress } from '../status/progress.ts';
import type { CommunityCommandOf } from './commands.ts';
import { setZoneId } from './ids.ts';
import { limits, newCommunity } from './model.ts';

/** IANA names are at most about 30 characters; room for a city name. */
const ZONE_MAX = 60;

const zoneField = (locale: Locale, value: string | undefined, required: boolean): ModalField => ({
  id: 'zone',
  label: t(locale, 'setup.field.zone.label'),
  placeholder: t(locale, 'setup.field.zone.placeholder'),
  hint: t(locale, 'setup.field.zone.hint'),
  ...(value ? { value } : {}),
  multiline: false,
  required,
  maxLength: ZONE_MAX,
});

function setupModal(locale: Locale, zone: string | undefined): Reply {
  return {
    kind: 'modal',
    modal: {
      id: 'setup',
      title: t(locale, 'setup.modal.title'),
      submit: t(locale, 'setup.modal.submit'),
      fields: [
        {
          id: 'name',
          label: t(locale, 'setup.field.name.label'),
          placeholder: t(locale, 'setup.field.name.placeholder'),
          multiline: false,
          required: true,
          maxLength: limits.name,
        },
        {
          id: 'goal',
          label: t(locale, 'setup.field.goal.label'),
          hint: t(locale, 'setup.field.goal.hint'),
          multiline: true,
          required: false,
          maxLength: limits.goal,
        },
        // Prefilled from the coordinator's Slack profile; Discord tells no zone, so it starts empty.
        zoneField(locale, zone, false),
      ],
    },
  };
}

/** A refusal shown next to the field in a modal, or as an ephemeral message after a slash command. */
function refuse(field: string, text: string, fromModal: boolean): Reply {
  return fromModal ? { kind: 'fieldErrors', errors: { [field]: text }, text } : ephemeral(text);
}

/**
 * The zone a person typed, read as `tz` reads it (an IANA name, a city or a country, in English or
 * Russian; the zone tables are loaded only when there is something to read).
 */
async function readZone(input: string) {
  const { findZone } = await import('../kernel/zone-names.ts');
  return findZone(input);
}

/** The zone of the coordinator's platform profile (Slack's `tz`), when it is one we know. */
async function profileZone(ctx: CommandContext): Promise<string | undefined> {
  const zone = (await ctx.platformProfile?.().catch(() => undefined))?.timezone;
  const found = zone ? await readZone(zone) : undefined;
  return found && 'zone' in found ? found.zone : undefined;
}

/**
 * `setup [name]`: binds a new community to this channel; the caller becomes its coordinator. The
 * community speaks the coordinator's language (their own choice, else their Slack or Discord language)
 * and lives in the zone the modal names, else the coordinator's Slack profile zone; when neither is
 * known (Discord), the answer asks for it with a button.
 */
export const setupHandlers: Handlers<CommunityCommandOf<'setup' | 'tz.open'>> = {
  setup: async (cmd, ctx, deps) => {
    const locale = localeFor(undefined, ctx, deps);
    const name = (cmd.name ?? '').replace(/\s+/g, ' ').trim();
    const goal = (cmd.goal ?? '').trim();
    const typedZone = (cmd.zone ?? '').trim();
    if (!name && !cmd.fromModal) return setupModal(locale, await profileZone(ctx));
    if (!name) return refuse('name', t(locale, 'setup.error.nameRequired'), cmd.fromModal);
    if (name.length > limits.name) return refuse('name', t(locale, 'setup.error.nameTooLong', { max: limits.name }), cmd.fromModal);
    if (goal.length > limits.goal) return refuse('goal', t(locale, 'setup.error.goalTooLong', { max: limits.goal }), cmd.fromModal);
    const found = typedZone ? await readZone(typedZone) : undefined;
    const shownZone = clip(typedZone.replace(/[`<>*]/g, ''), 60);
    if (typedZone && !found) return refuse('zone', t(locale, 'setup.zone.invalid', { zone: shownZone }), cmd.fromModal);
    if (found && 'choices' in found)
      return refuse('zone', t(locale, 'setup.zone.choose', { place: shownZone, zones: found.choices.join(', ') }), cmd.fromModal);
    const chosenZone = found?.zone;
    // A typed setup (or a modal left empty on Slack) takes the coordinator's profile zone, and says so.
    const fromProfile = chosenZone || cmd.fromModal ? undefined : await profileZone(ctx);
    const zone = chosenZone ?? fromProfile;

    const community = newCommunity({
      tenant: ctx.tenant,
      id: ctx.channelId,
      name,
      ...(goal ? { goal } : {}),
      coordinatorId: ctx.userId,
      // The coordinator's own language when it is known; otherwise the deployment's default stays in force.
      ...(ctx.userLocale ? { locale: ctx.userLocale } : {}),
      ...(zone ? { timezone: zone } : {}),
      createdAt: deps.now().toISOString(),
    });
    if ((await deps.store.create(community)) === 'exists') {
      const existing = await deps.store.lookup(ctx.tenant, ctx.channelId);
      const existingName = existing.kind === 'found' ? existing.snapshot.community.name : name;
      return refuse('name', t(locale, 'setup.exists', { name: existingName }), cmd.fromModal);
    }
    const next = computeProgress({ community }).next;
    const zoneBlocks: Block[] = zone
      ? [{ type: 'context', text: t(locale, fromProfile ? 'setup.zone.fromProfile' : 'setup.zone.set', { zone }) }]
      : [
          { type: 'text', text: t(locale, 'setup.zone.ask') },
          { type: 'actions', buttons: [{ id: setZoneId, label: t(locale, 'setup.zone.button'), primary: true }] },
        ];
    return message('channel', [
      { type: 'text', text: t(locale, 'setup.done', { name, user: ctx.userId }) },
      ...(next ? [{ type: 'text' as const, text: t(locale, 'setup.next', { action: t(locale, next.key) }) }] : []),
      ...zoneBlocks,
    ]);
  },

  'tz.open': leadersOnly('tz.forbidden', async (_cmd, _ctx, _deps, { locale, community }) => ({
    kind: 'modal',
    modal: {
      id: 'tz',
      title: t(locale, 'tz.modal.title'),
      submit: t(locale, 'tz.modal.submit'),
      fields: [zoneField(locale, community.timezone, true)],
    },
  })),
};
