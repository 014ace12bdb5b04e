/** The strategy feature's messages in English (the reference set of its keys). */
export const strategyEn = {
  'cmd.strategy.description': 'The strategy: read it, edit it (leaders) or see its versions',
  'cmd.strategy.action.description': 'show, edit or history',
  'cmd.strategy.number.description': 'A version to show (history)',
  'strategy.title': 'Strategy',
  'strategy.modal.title': 'Strategy',
  'strategy.modal.submit': 'Save',
  'strategy.goal.label': 'Goal: what will be different, by how much',
  'strategy.goal.hint': 'Measurable: “30 tenants sign the petition and the landlord fixes the heating by March”',
  'strategy.change.label': 'How change will happen',
  'strategy.change.hint': 'If we … then … because …',
  'strategy.tactics.label': 'Tactics we choose',
  'strategy.tactics.hint': 'Petition, public meeting, delegation to the council… one per line',
  'strategy.timeline.label': 'Timeline: by when',
  'strategy.timeline.hint': 'The milestones and the date it must be done by',
  'strategy.empty': 'There is no strategy yet. Your leaders write it with {cmd:strategy.edit}.',
  'strategy.empty.leader':
    'There is no strategy yet. Write it in the method’s terms: a measurable goal, how change will happen, the tactics, a timeline.',
  'strategy.version': 'Version {version} · {cmd:strategy.history} for earlier versions',
  'strategy.edit': 'Edit the strategy',
  'strategy.forbidden':
    'Only leaders (the coordinator, role leads and workspace admins) can edit the strategy. Everyone can read it with {cmd:strategy}.',
  'strategy.tooLong': '{field} is too long: up to {max} characters.',
  'strategy.blank': 'The strategy was empty, so nothing was saved.',
  'strategy.conflict': 'Someone saved the strategy meanwhile. Open it again to see their version.',
  'strategy.saved': 'Strategy saved as version {version}: {done} of {total} parts written.',
} as const;
