/** English texts of coalitions (merged into `en.ts`). */
export const coalitionEn = {
  'cmd.coalition.description': 'Communities that unite: a coalition with other communities',
  'cmd.coalition.create.description': 'Form a coalition, this community its first member (coordinator)',
  'cmd.coalition.create.name.description': 'The coalition’s name',
  'cmd.coalition.invite.description': 'A one-time code that invites another community (coordinator)',
  'cmd.coalition.join.description': 'Join a coalition with the code its coordinator gave you (coordinator)',
  'cmd.coalition.join.code.description': 'The invitation code: ten letters and digits',
  'cmd.coalition.leave.description': 'Leave the coalition, at once (coordinator)',
  'cmd.coalition.status.description': 'The coalition’s board: every member’s seven stages side by side',
  'cmd.coalition.status.page.description': 'Which page of the board (ten communities a page)',
  'coalition.board.more.how': 'The next ones: {cmd:coalition.status.page {page}} (of {pages}).',
  'coalition.board.page': 'Page {page} of {pages}.',
  'cmd.coalition.story.description': 'The coalition’s shared story of us (leaders)',
  'help.about.coalition.create': 'form a coalition with other communities',
  'help.about.coalition.invite': 'a one-time code inviting another community, valid 15 minutes',
  'help.about.coalition.join': 'join a coalition with its code',
  'help.about.coalition.leave': 'leave the coalition',
  'help.about.coalition.status': 'the coalition’s board: every member’s progress side by side',
  'help.about.coalition.story': 'the coalition’s shared story of us',
  'coalition.forbidden':
    'Only the coordinator of **{community}** (or a workspace or server admin) speaks for it in a coalition. Nothing was changed.',
  'coalition.none':
    '**{community}** is in no coalition yet. Its coordinator can form one with {cmd:coalition.create <name>} and invite other communities, or join one with the code its coordinator gives: {cmd:coalition.join <code>}.',
  'coalition.create.noName': 'Give the coalition a name of up to {max} characters: {cmd:coalition.create <name>}.',
  'coalition.busy':
    '**{community}** is in the coalition **{name}** already, and a community belongs to one at a time. To form or join another, leave it first: {cmd:coalition.leave}.',
  'coalition.created':
    '🤝 The coalition **{name}** is formed, with **{community}** as its first member. Invite another community with {cmd:coalition.invite}: it gives a one-time code for that community’s coordinator. Then write why you unite: {cmd:coalition.story}.',
  'coalition.invite.code':
    '🔑 Invitation to **{name}**: **{code}**\nIt works once, until {expires} (15 minutes), and only you see it. Give it to the coordinator of the community you invite; in that community’s channel they type\non Slack: `{slack}`\non Discord: `{discord}`',
  'coalition.invite.failed': 'I could not make a code just now. Nothing was changed; please try again in a minute.',
  'coalition.join.noCode': 'Type the invitation code you were given, like `K7QX2-M9DTR`: {cmd:coalition.join <code>}.',
  'coalition.join.malformed':
    '“{typed}” is not an invitation code: a code is ten letters and digits, like `K7QX2-M9DTR`. Check it with whoever gave it to you. Nothing was changed.',
  'coalition.join.unknown':
    'I know no such code, or it was used already: each code works once. Ask a coordinator of the coalition for a new one ({cmd:coalition.invite}). Nothing was changed.',
  'coalition.join.expired':
    'That code has expired: a code works for 15 minutes. Ask a coordinator of the coalition for a new one ({cmd:coalition.invite}). Nothing was changed.',
  'coalition.join.tooMany':
    'Too many wrong codes were tried from this channel. Wait 15 minutes, then type the code again: nothing is looked up until then.',
  'coalition.join.full': 'The coalition **{name}** is full: it holds at most {max} communities. Nothing was changed.',
  'coalition.join.busy': 'Something changed while I added **{community}**, so nothing was changed. Please try again.',
  'coalition.gone': 'That coalition no longer exists. Nothing was changed.',
  'coalition.join.done':
    '🤝 **{community}** is now part of the coalition **{name}**. The members’ channels hear of it. See the board: {cmd:coalition.status}.',
  'coalition.notice.joined.one':
    '🤝 **{community}** joined the coalition **{name}**: {count} community now acts together. See everyone’s progress: {cmd:coalition.status}',
  'coalition.notice.joined.few':
    '🤝 **{community}** joined the coalition **{name}**: {count} communities now act together. See everyone’s progress: {cmd:coalition.status}',
  'coalition.notice.joined.many':
    '🤝 **{community}** joined the coalition **{name}**: {count} communities now act together. See everyone’s progress: {cmd:coalition.status}',
  'coalition.notice.joined.other':
    '🤝 **{community}** joined the coalition **{name}**: {count} communities now act together. See everyone’s progress: {cmd:coalition.status}',
  'coalition.notice.left.one': '**{community}** has left the coalition **{name}**; {count} community remains in it.',
  'coalition.notice.left.few': '**{community}** has left the coalition **{name}**; {count} communities remain in it.',
  'coalition.notice.left.many': '**{community}** has left the coalition **{name}**; {count} communities remain in it.',
  'coalition.notice.left.other': '**{community}** has left the coalition **{name}**; {count} communities remain in it.',
  'coalition.leave.done':
    '**{community}** has left the coalition **{name}**. The other members’ channels hear of it; its own data stays its own, as it always did.',
  'coalition.leave.conflict':
    'The coalition was changing while I took **{community}** out of it, so nothing was changed. Please try again.',
  'coalition.story.forbidden': 'Only leaders of **{community}** can write the coalition’s story of us. Nothing was changed.',
  'coalition.story.title': 'Our story of us',
  'coalition.story.submit': 'Save',
  'coalition.story.label': 'Why we unite',
  'coalition.story.hint': 'Who we are together, what we share, and why we act as one',
  'coalition.story.empty': 'Write why these communities act together.',
  'coalition.story.tooLong': 'At most {max} characters, please: this story has {length}.',
  'coalition.story.conflict':
    'Someone saved the story of {name} while you were writing, so yours was not saved. Copy your text, open the story again to read theirs, and add to it.',
  'coalition.story.saved': 'Saved the story of us of **{name}**. Every member community sees it on the board: {cmd:coalition.status}.',
  'coalition.board.title': '🤝 {name}: the coalition',
  'coalition.board.story': '📖 {story}',
  'coalition.board.noStory': 'No story of us yet: a leader of any member writes it with {cmd:coalition.story}.',
  'coalition.board.together': 'Together: {communities} · {events} · {tasks} · {oneOnOnes}',
  'coalition.board.legend': 'Stages: ✅ done · ☑️ marked done · 🟡 under way · ⚪ not begun',
  'coalition.board.row': '**{name}** · {platform}',
  'coalition.board.stage': '{stage} {icon} {done}/{total}',
  'coalition.board.counts': '{events} · {tasks} · {oneOnOnes}',
  'coalition.board.campaign': '📣 {campaign}: {phase}',
  'coalition.board.campaignOnly': '📣 {campaign}',
  'coalition.platform.slack': 'Slack',
  'coalition.platform.discord': 'Discord',
  'coalition.count.communities.one': '{count} community',
  'coalition.count.communities.few': '{count} communities',
  'coalition.count.communities.many': '{count} communities',
  'coalition.count.communities.other': '{count} communities',
  'coalition.count.events.one': '{count} event held',
  'coalition.count.events.few': '{count} events held',
  'coalition.count.events.many': '{count} events held',
  'coalition.count.events.other': '{count} events held',
  'coalition.count.tasks.one': '{count} task accepted',
  'coalition.count.tasks.few': '{count} tasks accepted',
  'coalition.count.tasks.many': '{count} tasks accepted',
  'coalition.count.tasks.other': '{count} tasks accepted',
  'coalition.count.oneOnOnes.one': '{count} one-on-one logged',
  'coalition.count.oneOnOnes.few': '{count} one-on-ones logged',
  'coalition.count.oneOnOnes.many': '{count} one-on-ones logged',
  'coalition.count.oneOnOnes.other': '{count} one-on-ones logged',
  'coalition.status.line': '🤝 Part of the coalition **{name}**: {cmd:coalition.status}',
} as const;
