import type { OptionSpec, SubcommandSpec } from '../kernel/feature.ts';
import { feature } from '../kernel/feature.ts';
import { form } from '../kernel/forms.ts';
import { answerHandlers } from './answer.ts';
import { assignHandlers } from './assign.ts';
import { type RolesCommand, rolesCommands } from './commands.ts';
import { teamHandlers } from './handlers.ts';
import { rolesActions, rolesModals } from './ids.ts';
import { runOfferJob, runOfferUnreachableJob } from './offer-job.ts';
import { openRolesHandlers } from './open.ts';
import { assignFromOptions, parseAssignArgs, parseRoleArgs, roleFromOptions } from './parse.ts';

/** Existing roles are suggested while typing a role's name (Discord autocomplete). */
const suggestRoles = (query: string) => ({ type: 'roles.suggest', query });

/** A role's name: suggested from the existing roles, except when naming a new one. */
const roleName = (action: 'add' | 'edit' | 'remove'): OptionSpec => ({
  name: 'name',
  kind: 'string',
  description: 'cmd.role.name.description',
  required: action !== 'add',
  maxLength: 60,
  ...(action !== 'add' ? { suggest: suggestRoles } : {}),
});

/** `/community assign|unassign user:… role:…` (and `lead:` to offer the role's lead). */
const assignSpec = (name: 'assign' | 'unassign'): SubcommandSpec => ({
  name,
  description: `cmd.${name}.description`,
  options: [
    { name: 'user', kind: 'user', description: 'cmd.assign.user.description', required: true },
    { name: 'role', kind: 'string', description: 'cmd.assign.role.description', required: true, maxLength: 60, suggest: suggestRoles },
    ...(name === 'assign' ? [{ name: 'lead', kind: 'boolean', description: 'cmd.assign.lead.description', required: false } as const] : []),
  ],
  parse: assignFromOptions(name),
});

/** Stage 3: the leadership team's roles, and assigning them with the person's consent. */
export const rolesFeature = feature<RolesCommand>({
  id: 'roles',
  commands: rolesCommands,
  handlers: { ...teamHandlers, ...openRolesHandlers, ...assignHandlers, ...answerHandlers },
  readOnly: ['roles', 'roles.open', 'roles.suggest', 'offer.decline.open'],
  words: {
    roles: (rest) => (/^(open|free|свободные|открытые)$/iu.test(rest[0] ?? '') ? { type: 'roles.open' } : { type: 'roles' }),
    role: (rest) => parseRoleArgs(rest),
    assign: (rest) => parseAssignArgs('assign', rest),
    unassign: (rest) => parseAssignArgs('unassign', rest),
  },
  discord: [
    {
      name: 'role',
      description: 'cmd.role.description',
      // `role list` shows the team: Discord allows 25 subcommands, so the team's view lives in the group.
      subcommands: [
        { name: 'list', description: 'cmd.roles.description', parse: () => ({ type: 'roles' }) },
        { name: 'open', description: 'cmd.roles.open.description', parse: () => ({ type: 'roles.open' }) },
        ...(['add', 'edit', 'remove'] as const).map(
          (action): SubcommandSpec => ({
            name: action,
            description: `cmd.role.${action}.description`,
            options: [roleName(action)],
            parse: roleFromOptions(action),
          }),
        ),
      ],
    },
    assignSpec('assign'),
    assignSpec('unassign'),
  ],
  actions: rolesActions,
  modals: rolesModals,
  forms: {
    roles: form('roles', 'role list'),
    'roles.open': form('roles open', 'role open'),
    'role.add': form('role add · $1', 'role add · name:$1'),
    'role.edit': form('role edit · $1', 'role edit name:$1'),
    'role.remove': form('role remove · $1', 'role remove name:$1'),
    assign: form('assign · $1 · $2 · lead?3', 'assign · user:$1 · role:$2 · lead:True?3'),
    unassign: form('unassign $1 $2', 'unassign user:$1 role:$2'),
  },
  help: [
    { form: 'roles', group: 'team', leadersOnly: false },
    { form: 'roles.open', group: 'team', leadersOnly: false },
    { form: 'role.add', group: 'team', leadersOnly: true },
    { form: 'role.edit', group: 'team', leadersOnly: true },
    { form: 'role.remove', group: 'team', leadersOnly: true },
    { form: 'assign', group: 'team', leadersOnly: true },
    { form: 'unassign', group: 'team', leadersOnly: true },
  ],
  aliases: { roles: ['роли'], role: ['роль'], assign: ['назначить'] },
  jobs: { offer: runOfferJob, 'offer.unreachable': runOfferUnreachableJob },
  dueKinds: ['offer'],
});
