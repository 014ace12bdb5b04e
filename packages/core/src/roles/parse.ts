import type { Options } from '../kernel/feature.ts';
import { personArg } from '../kernel/people.ts';
import { clip } from '../kernel/text.ts';
import type { RolesCommand } from './commands.ts';

/** A role command, or the words it could not read (shown help). */
type Parsed = RolesCommand | { type: 'unknown'; input: string };

/** The words after `/community role`: `add [name]`, `edit <name>`, `remove <name>`. */
export function parseRoleArgs(words: readonly string[]): Parsed {
  const [action = '', ...rest] = words;
  const name = rest.join(' ').trim();
  const verb = action.toLowerCase();
  if (verb === 'add') return { type: 'role.add', ...(name ? { name } : {}) };
  if ((verb === 'edit' || verb === 'remove') && name) return { type: verb === 'edit' ? 'role.edit' : 'role.remove', name };
  return { type: 'unknown', input: clip(`role ${action}`.trim(), 200, '') };
}

/**
 * The words after `/community assign|unassign`: who (a mention as Slack sends it with `should_escape`,
 * or a typed `@name` or name, looked up among the members), the role's name, and `lead` at the end.
 */
export function parseAssignArgs(type: 'assign' | 'unassign', words: readonly string[]): Parsed {
  const [who = '', ...rest] = words;
  const person = personArg(who, true);
  const lead = type === 'assign' && rest.length > 1 && /^(lead|руководитель)$/i.test(rest.at(-1) ?? '');
  const role = (lead ? rest.slice(0, -1) : rest).join(' ').trim();
  return type === 'assign' ? { type, ...person, ...(role ? { role } : {}), lead } : { type, ...person, ...(role ? { role } : {}) };
}

/** Discord's `/community role add|edit|remove name:…`: the same words Slack users type. */
export const roleFromOptions =
  (action: 'add' | 'edit' | 'remove') =>
  (option: Options): Parsed => {
    const name = option('name');
    return parseRoleArgs([action, ...(typeof name === 'string' ? [name] : [])]);
  };

/** Discord's `/community assign|unassign user:… role:… [lead:…]`: the person comes as an id. */
export const assignFromOptions =
  (type: 'assign' | 'unassign') =>
  (option: Options): unknown => ({
    type,
    ...(typeof option('user') === 'string' ? { userId: option('user') } : {}),
    ...(typeof option('role') === 'string' ? { role: option('role') } : {}),
    ...(type === 'assign' ? { lead: option('lead') === true } : {}),
  });
