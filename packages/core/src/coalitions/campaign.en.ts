/** English texts of the coalition's shared campaign (merged into `en.ts`). */
export const coalitionCampaignEn = {
  'cmd.coalition.campaign.description': 'The coalition’s shared campaign: goal, end and phases for all (leaders)',
  'help.about.coalition.campaign': 'the coalition’s shared campaign, which each member runs as its own',
  'coalition.campaign.title': 'Shared campaign',
  'coalition.campaign.submit': 'Save',
  'coalition.campaign.name.label': 'Name',
  'coalition.campaign.goal.label': 'Shared goal',
  'coalition.campaign.goal.hint': 'Measurable: what will be true by the end, counted across all communities',
  'coalition.campaign.end.label': 'End date',
  'coalition.campaign.end.hint': 'Read in your community’s timezone: “in 8 weeks”, “31 march”',
  'coalition.campaign.end.placeholder': 'in 8 weeks',
  'coalition.campaign.phases.label': 'Phases, one per line',
  'coalition.campaign.phases.hint': 'At most {max}, each up to {length} characters; the days are shared out evenly',
  'coalition.campaign.error.name': 'Give the campaign a name (up to {max} characters).',
  'coalition.campaign.error.goal': 'Write the shared goal (up to {max} characters).',
  'coalition.campaign.error.end': 'I could not read that date. Try “in 8 weeks” or “31 march”.',
  'coalition.campaign.error.short': 'A campaign needs {days} days at least, and a day for each phase.',
  'coalition.campaign.error.phases': 'Write the phases one per line: at least one, at most {max}.',
  'coalition.campaign.error.phaseLong': 'Phase {n} is {length} characters long; keep each to {max}.',
  'coalition.campaign.forbidden':
    'Only the coordinator of **{community}** (or a workspace or server admin) sets the coalition’s shared campaign. Nothing was changed.',
  'coalition.campaign.saved':
    'The shared campaign **{name}** of **{coalition}** is saved. Every member community gets it in its channel, with a button to run it there.',
  'coalition.campaign.conflict':
    'Someone saved the shared campaign of **{coalition}** meanwhile, so yours was not saved over theirs. Open {cmd:coalition.campaign} again to see it.',
  'coalition.campaign.post': '📣 The coalition **{coalition}** shares a campaign: **{name}**',
  'coalition.campaign.post.goal': '🎯 {goal}\n🏁 Until {end}',
  'coalition.campaign.phase.line': '{n}. {name} · {start} – {end}',
  'coalition.campaign.post.how':
    'Its goal and phases are shared; tasks and events stay this community’s own ({cmd:task}, {cmd:event.new}). The coordinator starts it here:',
  'coalition.campaign.run.button': 'Run it here',
  'coalition.campaign.run.forbidden':
    'Only the coordinator of **{community}** ({coordinator}) or a workspace or server admin starts a shared campaign here. Nothing was changed.',
  'coalition.campaign.run.done':
    '**{name}** now runs in **{community}** as its own campaign, its phases shared with the coalition. Add tasks and events with {cmd:task} and {cmd:event.new}.',
  'coalition.campaign.run.exists': '**{name}** runs in **{community}** already. Nothing was changed.',
  'coalition.campaign.run.outdated':
    'This is not the coalition’s current shared campaign any more (it changed or was taken back). See {cmd:coalition.status}.',
  'coalition.campaign.run.tooLate': 'The shared campaign ends on {end}: too soon to start here (a campaign needs {days} days).',
  'coalition.campaign.board': '📣 Shared campaign **{name}** · until {end}\n🎯 {goal}\n{phases}',
  'coalition.campaign.board.none': 'No shared campaign yet: a coordinator of any member sets one with {cmd:coalition.campaign}.',
  'coalition.campaign.board.runs': '📣 Runs the shared campaign · phase: {phase}',
  'coalition.campaign.board.ended': '📣 Ran the shared campaign (it has ended)',
  'coalition.campaign.board.notYet': '📣 Not running the shared campaign yet',
} as const;
