import type { Community } from '../community/model.ts';
import { inCommunity, leadersOnly, seesAsLeader } from '../kernel/context.ts';
import type { Handlers } from '../kernel/feature.ts';
import type { Locale } from '../kernel/i18n/translate.ts';
import { t, tn } from '../kernel/i18n/translate.ts';
import { linesWithMore } from '../kernel/list-more.ts';
import type { CommandContext, CoreDeps } from '../kernel/ports.ts';
import type { Block, Reply } from '../kernel/reply.ts';
import { ephemeral, message } from '../kernel/reply.ts';
import { clip } from '../kernel/text.ts';
import type { RolesCommandOf } from './commands.ts';
import { adoptRolesId } from './ids.ts';
import { findRole, parseResponsibilities, type Role, roleId, roleLimits, starterRoles } from './model.ts';
import { namedRole, typedName } from './names.ts';

/** What the team's handlers use. */
type TeamDeps = Pick<CoreDeps, 'store' | 'roles' | 'now' | 'defaultLocale'>;
type TeamCommand = RolesCommandOf<'roles' | 'roles.adopt' | 'roles.suggest' | 'role.add' | 'role.edit' | 'role.remove' | 'role.save'>;

/** The snowflake: the coordinator, then each role with its lead (or a flag), members and responsibilities. */
function snowflake(community: Community, locale: Locale, offerStarter: boolean): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'roles.title', { name: community.name }) },
    { type: 'text', text: t(locale, 'roles.coordinator', { user: community.coordinatorId }) },
  ];
  if (community.roles.length === 0) blocks.push({ type: 'text', text: t(locale, 'roles.empty') });
  for (const role of community.roles) {
    const lines = [
      t(locale, 'roles.role', {
        icon: role.leadId ? '🟢' : '⚠️',
        role: role.name,
        lead: role.leadId ? t(locale, 'roles.lead', { user: role.leadId }) : t(locale, 'roles.noLead'),
      }),
      ...(role.memberIds.length > 0
        ? [
            t(locale, 'roles.members', {
              members: linesWithMore(
                locale,
                role.memberIds.map((m) => `<@${m}>`),
                { max: 30, separator: ', ' },
              ),
            }),
          ]
        : []),
      ...(role.responsibilities.length > 0
        ? role.responsibilities.map((text) => t(locale, 'roles.duty', { text }))
        : [t(locale, 'roles.noDuties', { role: role.name })]),
    ];
    blocks.push({ type: 'text', text: lines.join('\n') });
  }
  if (offerStarter) {
    blocks.push({ type: 'context', text: t(locale, 'roles.starter.offer') });
    blocks.push({ type: 'actions', buttons: [{ id: adoptRolesId, label: t(locale, 'roles.starter.button'), primary: true }] });
  }
  return blocks;
}

function roleModal(locale: Locale, role?: Role): Reply {
  return {
    kind: 'modal',
    modal: {
      id: 'role',
      ...(role ? { state: role.id } : {}),
      title: t(locale, role ? 'role.modal.edit.title' : 'role.modal.add.title'),
      submit: t(locale, 'story.modal.submit'),
      fields: [
        {
          id: 'name',
          label: t(locale, 'role.field.name.label'),
          placeholder: t(locale, 'role.field.name.placeholder'),
          ...(role ? { value: role.name } : {}),
          multiline: false,
          required: true,
          maxLength: roleLimits.name,
        },
        {
          id: 'duties',
          label: t(locale, 'role.field.duties.label'),
          hint: t(locale, 'role.field.duties.hint'),
          ...(role?.responsibilities.length ? { value: role.responsibilities.join('\n') } : {}),
          multiline: true,
          required: false,
          maxLength: roleLimits.responsibilities * (roleLimits.responsibility + 1),
        },
      ],
    },
  };
}

const outcome = (
  locale: Locale,
  result: 'saved' | 'exists' | 'missing',
  saved: string,
  exists: 'role.exists' | 'role.notFound',
  role: string,
) => ephemeral(result === 'saved' ? saved : result === 'exists' ? t(locale, exists, { role }) : t(locale, 'community.gone'));

/** Roles of the leadership team (stage 3): the snowflake, the starter set, adding, editing, removing. */
export const teamHandlers: Handlers<TeamCommand> = {
  'roles.suggest': async (cmd, ctx, deps: Pick<CoreDeps, 'store'>) => {
    const found = await deps.store.lookup(ctx.tenant, ctx.channelId);
    const roles = found.kind === 'found' ? found.snapshot.community.roles : [];
    const query = cmd.query.trim().toLocaleLowerCase();
    const matches = roles.filter((r) => r.name.toLocaleLowerCase().includes(query)).slice(0, 25);
    return { kind: 'choices', choices: matches.map((r) => ({ name: clip(r.name, 100), value: clip(r.name, 100) })) };
  },

  roles: inCommunity(async (_cmd, ctx, _deps: TeamDeps, { snapshot: { community }, locale }) => {
    const missingStarter = community.roles.length < starterRoles.length;
    return message('ephemeral', snowflake(community, locale, missingStarter && (await seesAsLeader(community, ctx))));
  }),

  'roles.adopt': leadersOnly('roles.forbidden', async (_cmd, ctx, deps: TeamDeps, { community, locale }) => {
    const at = deps.now().toISOString();
    const roles: Role[] = starterRoles.map((key, i) => {
      const name = t(locale, `role.starter.${key}.name`);
      // The coordinator role is led by the community's coordinator, who took it on at setup.
      return {
        id: roleId(name),
        name,
        responsibilities: parseResponsibilities(t(locale, `role.starter.${key}.duties`)),
        ...(key === 'coordinator' ? { leadId: community.coordinatorId } : {}),
        memberIds: [],
        createdAt: `${at.slice(0, -1)}${i}Z`,
      };
    });
    const saved = await deps.roles.adoptRoles(ctx.tenant, community.id, roles);
    if (saved === 'missing') return ephemeral(t(locale, 'community.gone'));
    const after = { ...community, roles: [...community.roles, ...roles.filter((r) => !findRole(community.roles, r.name))] };
    return message('ephemeral', [{ type: 'text', text: t(locale, 'roles.starter.done') }, ...snowflake(after, locale, false)]);
  }),

  'role.add': leadersOnly('roles.forbidden', async (cmd, ctx, deps: TeamDeps, { community, locale }) => {
    const name = (cmd.name ?? '').replace(/\s+/g, ' ').trim();
    if (!name) return roleModal(locale);
    return saveNewRole(community, name, [], ctx, deps, locale);
  }),

  'role.edit': leadersOnly('roles.forbidden', async (cmd, _ctx, _deps: TeamDeps, { community, locale }) => {
    const named = namedRole(community, locale, cmd.name);
    return 'role' in named ? roleModal(locale, named.role) : named.reply;
  }),

  'role.remove': leadersOnly('roles.forbidden', async (cmd, ctx, deps: TeamDeps, { community, locale }) => {
    // Removing takes the role's exact name: a near one is only suggested.
    const role = findRole(community.roles, cmd.name);
    if (!role) {
      const named = namedRole(community, locale, cmd.name);
      if ('reply' in named) return named.reply;
      return ephemeral(t(locale, 'role.exactly', { role: typedName(cmd.name), name: named.role.name }));
    }
    const result = await deps.roles.removeRole(ctx.tenant, community.id, role.id);
    return outcome(
      locale,
      result === 'exists' ? 'saved' : result,
      t(locale, 'role.removed', { role: role.name }),
      'role.notFound',
      role.name,
    );
  }),

  'role.save': leadersOnly('roles.forbidden', async (cmd, ctx, deps: TeamDeps, { community, locale }) => {
    const name = cmd.name.replace(/\s+/g, ' ').trim();
    const duties = parseResponsibilities(cmd.duties);
    if (!name) return { kind: 'fieldErrors', errors: { name: t(locale, 'role.nameRequired') }, text: t(locale, 'role.nameRequired') };
    if (!cmd.id) return saveNewRole(community, name, duties, ctx, deps, locale);
    const tooLong = invalid(name, duties, locale);
    if (tooLong) return tooLong;
    const result = await deps.roles.updateRole(ctx.tenant, community.id, { id: cmd.id, name, responsibilities: duties });
    const saved = tn(locale, 'role.saved', duties.length, { role: name });
    return result === 'missing' ? ephemeral(t(locale, 'role.notFound', { role: name })) : ephemeral(saved);
  }),
};

function invalid(name: string, duties: readonly string[], locale: Locale): Reply | undefined {
  if (
    name.length <= roleLimits.name &&
    duties.length <= roleLimits.responsibilities &&
    duties.every((d) => d.length <= roleLimits.responsibility)
  ) {
    return undefined;
  }
  const text = t(locale, 'role.tooLong', { max: roleLimits.name, each: roleLimits.responsibility, count: roleLimits.responsibilities });
  return { kind: 'fieldErrors', errors: { [name.length > roleLimits.name ? 'name' : 'duties']: text }, text };
}

async function saveNewRole(
  community: Community,
  name: string,
  duties: string[],
  ctx: CommandContext,
  deps: TeamDeps,
  locale: Locale,
): Promise<Reply> {
  const tooLong = invalid(name, duties, locale);
  if (tooLong) return tooLong.kind === 'fieldErrors' ? ephemeral(tooLong.text) : tooLong;
  if (community.roles.length >= roleLimits.roles) return ephemeral(t(locale, 'role.full', { max: roleLimits.roles }));
  const id = roleId(name);
  if (!id) return ephemeral(t(locale, 'role.nameRequired'));
  const role: Role = { id, name, responsibilities: duties, memberIds: [], createdAt: deps.now().toISOString() };
  const result = await deps.roles.addRole(ctx.tenant, community.id, role);
  const saved = duties.length > 0 ? tn(locale, 'role.saved', duties.length, { role: name }) : t(locale, 'role.added', { role: name });
  return outcome(locale, result, saved, 'role.exists', name);
}
