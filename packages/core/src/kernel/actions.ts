import { joinedWhen } from '../standup/when-fields.ts';
import type { Command } from './command.ts';
import { Command as CommandSchema } from './command.ts';
import { fromAction, fromModal, ownsAction, ownsModal, tenantOfInteraction, validCommand } from './registry.ts';
import type { ModalId } from './reply.ts';

/**
 * Button ids and modal submissions ↔ commands, shared by both adapters so a button means the same
 * on Slack and Discord. Ids are `verb:arg:arg` and stay short (Discord custom_id ≤ 100).
 */
export const actionId = {
  open: (kind: 'questions' | 'self' | 'us' | 'now') => `story:open:${kind}`,
  share: (kind: 'self' | 'us' | 'now') => `story:share:${kind}`,
  reflect: (ref: string) => `story:reflect:${ref}`,
  adoptRoles: 'roles:adopt',
  /** After a typed `setup` without a known zone: opens the community's timezone modal. */
  setZone: 'setup:tz',
  accept: (tenantId: string, communityId: string, offer: string) => `offer:accept:${tenantId}:${communityId}:${offer}`,
  decline: (tenantId: string, communityId: string, offer: string) => `offer:decline:${tenantId}:${communityId}:${offer}`,
  /** `due` opens the Reschedule modal; `view` (`mine`, or `all:<word>`) names the list the button sits on. */
  task: (
    move: 'accept' | 'decline' | 'done' | 'handBack' | 'drop' | 'due' | 'reoffer',
    tenantId: string,
    communityId: string,
    taskId: string,
    view?: string,
  ) => `task:${move}:${tenantId}:${communityId}:${taskId}${view ? `:${view}` : ''}`,
  /** Answer (or Edit one's answer) and Skip today on a stand-up prompt. */
  standup: (verb: 'answer' | 'skip', tenantId: string, communityId: string, runId: string) =>
    `standup:${verb}:${tenantId}:${communityId}:${runId}`,
  /** Offer a first task, Plan a one-on-one: on the note leaders get when someone joins. */
  welcome: (verb: 'task' | '1on1', tenantId: string, communityId: string, userId: string) =>
    `welcome:${verb}:${tenantId}:${communityId}:${userId}`,
};

/** The tenant an offer button belongs to: Discord sends button clicks in DMs without a guild. */
export function tenantOfAction(id: string): string | undefined {
  if (ownsAction(id)) return tenantOfInteraction(id);
  const [verb, , tenantId] = id.split(':');
  const fromDm = ['offer', 'task', 'standup', 'event', 'debrief', 'pair', 'welcome'];
  return verb && fromDm.includes(verb) && tenantId ? tenantId : undefined;
}

/** Where a button was clicked: the message carrying it. */
export interface ActionSource {
  readonly channelId: string;
  readonly messageId?: string;
}

/** A clicked button → a command, or undefined when the id is not one of ours. */
export function commandForAction(id: string, source: ActionSource): Command | undefined {
  if (ownsAction(id)) return validCommand(fromAction(id, source)) as Command | undefined;
  if (id === actionId.adoptRoles) return { type: 'roles.adopt' };
  if (id === actionId.setZone) return { type: 'tz.open' };
  if (id === 'ladder:edit') return { type: 'ladder.open' };
  if (id.startsWith('campaign:dates:')) {
    const parsed = CommandSchema.safeParse({ type: 'campaign.dates.open', id: id.slice('campaign:dates:'.length) });
    return parsed.success ? parsed.data : undefined;
  }
  const [verb, action, ...rest] = id.split(':');
  if (verb === 'task') {
    const [tenantId, communityId, taskId, view, word] = rest;
    const where = { tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}) };
    const opens: Readonly<Record<string, string>> = { due: 'task.due.open', decline: 'task.decline.open', reoffer: 'task.reoffer.open' };
    const type = action && Object.hasOwn(opens, action) ? opens[action] : 'task.move';
    const parsed = CommandSchema.safeParse(type === 'task.move' ? { type, move: action, ...where } : { type, ...where });
    return parsed.success ? parsed.data : undefined;
  }
  if (verb === 'welcome') {
    const [tenantId, communityId, userId] = rest;
    const raw = { type: action === 'task' ? 'welcome.task' : 'welcome.oneonone', tenantId, communityId, userId };
    const parsed = action === 'task' || action === '1on1' ? CommandSchema.safeParse(raw) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }
  if (verb === 'pair') {
    const [tenantId, communityId, group] = rest;
    const parsed = CommandSchema.safeParse({ type: 'pair.met', answer: action, tenantId, communityId, group });
    return parsed.success ? parsed.data : undefined;
  }
  if (verb === 'debrief' && action === 'open') {
    const [tenantId, communityId, subject] = rest;
    const parsed = CommandSchema.safeParse({ type: 'debrief.open', tenantId, communityId, subject });
    return parsed.success ? parsed.data : undefined;
  }
  if (verb === 'event') {
    const [tenantId, communityId, eventId] = rest;
    const type = action === 'cancel' ? 'event.cancel.confirm' : action === 'attendance' ? 'event.attendance.open' : 'event.rsvp';
    const parsed = CommandSchema.safeParse({ type, choice: action, tenantId, communityId, eventId });
    return parsed.success ? parsed.data : undefined;
  }
  if (verb === 'standup') {
    const [tenantId, communityId, runId] = rest;
    const type = action === 'answer' ? 'standup.answer.open' : action === 'skip' ? 'standup.skip' : undefined;
    const parsed = type ? CommandSchema.safeParse({ type, tenantId, communityId, runId }) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }
  if (verb === 'offer') {
    const [tenantId, communityId, offer] = rest;
    const type = action === 'accept' ? 'offer.accept' : action === 'decline' ? 'offer.decline.open' : undefined;
    const parsed = type ? CommandSchema.safeParse({ type, tenantId, communityId, offerId: offer }) : undefined;
    return parsed?.success ? parsed.data : undefined;
  }
  if (verb !== 'story') return undefined;
  const raw =
    action === 'open'
      ? { type: 'story.open', kind: rest[0] }
      : action === 'share'
        ? { type: 'story.share', kind: rest[0] }
        : action === 'reflect' && source.messageId
          ? { type: 'story.reflect.open', ref: rest.join(':'), channelId: source.channelId, messageId: source.messageId }
          : undefined;
  const parsed = raw ? CommandSchema.safeParse(raw) : undefined;
  return parsed?.success ? parsed.data : undefined;
}

/** A submitted modal's values (and its state) → a command, or undefined when it is not one of ours. */
export function commandForModal(id: string, values: Readonly<Record<string, string>>, state = ''): Command | undefined {
  if (ownsModal(id)) return validCommand(fromModal(id, values, state)) as Command | undefined;
  const v = values;
  const modal = id as ModalId;
  let raw: unknown;
  if (modal === 'setup') raw = { type: 'setup', name: v.name, goal: v.goal, zone: v.zone, fromModal: true };
  else if (modal === 'tz') raw = { type: 'tz', zone: v.zone?.trim() || undefined, me: false };
  else if (modal === 'erase') raw = { type: 'erase', name: v.name };
  else if (modal === 'story')
    raw = { type: 'story.save', answers: { goal: v.goal, who: v.who, how: v.how, when: v.when, vision: v.vision } };
  else if (modal === 'story.self' || modal === 'story.us' || modal === 'story.now')
    raw = { type: 'story.tell', kind: modal.slice(6), parts: { ...v } };
  else if (modal === 'role') raw = { type: 'role.save', ...(state ? { id: state } : {}), name: v.name ?? '', duties: v.duties ?? '' };
  else if (modal === 'decline') {
    const [tenantId, communityId, offer] = state.split('|');
    raw = { type: 'offer.decline', tenantId, communityId, offerId: offer, reason: v.reason };
  } else if (modal === 'debrief') {
    const [tenantId, communityId, subject] = state.split('|');
    raw = {
      type: 'debrief.save',
      tenantId,
      communityId,
      subject,
      worked: v.worked,
      didnt: v.didnt,
      turnout: v.turnout,
      learned: v.learned,
      next: v.next,
    };
  } else if (modal === 'event')
    raw = {
      type: 'event.save',
      title: v.title,
      // Slack's date-time picker leaves the length to a field of its own; elsewhere it is typed into `when`.
      when: v.length?.trim() ? `${v.when ?? ''} ${v.length.trim()}` : v.when,
      place: v.place,
      capacity: v.capacity,
      description: v.description,
      remind: v.remind,
      repeat: v.repeat,
      // An edit's state is `edit|<event id>`; a new event's, its campaign.
      ...(state.startsWith('edit|') ? { eventId: state.slice(5) } : state ? { campaign: state } : {}),
    };
  else if (modal === 'attendance') {
    const [tenantId, communityId, eventId] = state.split('|');
    raw = {
      type: 'event.attended',
      tenantId,
      communityId,
      eventId,
      userIds: (v.people ?? '')
        .split(/[\s,]+/)
        .filter(Boolean)
        .slice(0, 200),
    };
  } else if (modal === 'oneonone') {
    const [partnerId, date, share] = state.split('|');
    raw = {
      type: 'oneonone.save',
      partnerId,
      ...(date ? { date } : {}),
      share: share === '1',
      values: v.values,
      notes: v.notes,
      mine: v.mine,
      theirs: v.theirs,
      followUp: v.followUp,
    };
  } else if (modal === 'ladder') raw = { type: 'ladder.save', rungs: { ...v } };
  else if (modal === 'task.due') {
    const [tenantId, communityId, taskId, view, word] = state.split('|');
    raw = { type: 'task.due.save', tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}), due: v.due };
  } else if (modal === 'task.reoffer') {
    const [tenantId, communityId, taskId, view, word] = state.split('|');
    raw = { type: 'task.reoffer', tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}), userIds: v.who };
  } else if (modal === 'task.decline') {
    const [tenantId, communityId, taskId, view, word] = state.split('|');
    const where = { tenantId, communityId, taskId, ...(view ? { view } : {}), ...(word ? { word } : {}) };
    raw = { type: 'task.move', move: 'decline', ...where, ...(v.reason?.trim() ? { reason: v.reason } : {}) };
  } else if (modal === 'campaign') raw = { type: 'campaign.save', name: v.name, goal: v.goal, end: v.end };
  else if (modal === 'campaign.dates') {
    const [campaignId, previous] = state.split('|');
    raw = { type: 'campaign.dates.save', id: campaignId, previous, starts: { ...v } };
  } else if (modal === 'standup') {
    // Slack's day and time pickers come back as fields of their own, joined into the words `when` reads.
    const { at: _at, zone: _zone, window: _window, ...rest } = v;
    raw = { type: 'standup.save', ...(state ? { id: state } : {}), ...rest, ...(v.at !== undefined ? { when: joinedWhen(v) } : {}) };
  } else if (modal === 'standup.answer') {
    const [tenantId, communityId, runId] = state.split('|');
    raw = { type: 'standup.answer.save', tenantId, communityId, runId, answers: { ...v } };
  } else if (modal === 'reflect') {
    const [ref, channelId, messageId] = state.split('|');
    raw = { type: 'story.reflect.save', ref, channelId, messageId, stoodOut: v.stoodOut, value: v.value };
  }
  const parsed = raw ? CommandSchema.safeParse(raw) : undefined;
  return parsed?.success ? parsed.data : undefined;
}
