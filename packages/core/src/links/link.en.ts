/** English texts of linking places (merged into `en.ts`). */
export const linkEn = {
  'cmd.link.description': 'One community in two places: link this community with a Slack workspace or Discord server',
  'cmd.link.invite.description': 'A one-time code for the other place’s admin (coordinator)',
  'cmd.link.join.description': 'Link this server or workspace to a community elsewhere, with its code (admin)',
  'cmd.link.join.code.description': 'The code: ten letters and digits',
  'cmd.link.remove.description': 'Unlink: each place goes its own way again (coordinator or admin)',
  'help.about.link.invite': 'a one-time code to link another Slack workspace or Discord server to this community',
  'help.about.link.join': 'link this place to a community elsewhere, with its code',
  'help.about.link.remove': 'unlink the places, at once',
  'link.forbidden':
    'Only the coordinator of **{community}** (or a workspace or server admin) links or unlinks its places. Nothing was changed.',
  'link.invite.fromPlace':
    'This place is linked to **{community}**, which lives in its home workspace or server: codes for more places are made there. Nothing was changed.',
  'link.full': '**{community}** has {max} places linked already, the most it may have. Unlink one first: {cmd:link.remove}.',
  'link.invite.code':
    '🔗 Code to link a place to **{community}**: **{code}**\nIt works once, until {expires} (15 minutes), and only you see it. Give it to an admin of the other Slack workspace or Discord server; in the channel where the community should post there, they type\non Slack: `{slack}`\non Discord: `{discord}`\nThat place must have no community of its own.',
  'link.invite.failed': 'I could not make a code just now. Nothing was changed; please try again in a minute.',
  'link.join.noCode': 'Type the code you were given, like `K7QX2-M9DTR`: {cmd:link.join <code>}.',
  'link.join.already': 'This place is linked to a community already. To link it elsewhere, unlink it first: {cmd:link.remove}.',
  'link.join.hasCommunity':
    'This place has a community of its own, so it cannot become a place of another one: everything would be in two homes. Link from a workspace or server with no community yet. Nothing was changed.',
  'link.join.forbidden': 'Only an admin of this workspace or server links it to a community. Nothing was changed.',
  'link.join.tooMany':
    'Too many wrong codes were tried from this channel. Wait 15 minutes, then type the code again: nothing is looked up until then.',
  'link.join.malformed':
    '“{typed}” is not a code: a code is ten letters and digits, like `K7QX2-M9DTR`. Check it with whoever gave it to you. Nothing was changed.',
  'link.join.unknown':
    'I know no such code, or it was used already: each code works once. Ask the community’s coordinator for a new one ({cmd:link.invite}). Nothing was changed.',
  'link.join.expired':
    'That code has expired: a code works for 15 minutes. Ask the community’s coordinator for a new one ({cmd:link.invite}). Nothing was changed.',
  'link.join.same':
    'That code is for a community in this very workspace or server: its channels are one place already. Nothing was changed.',
  'link.gone': 'That community no longer exists. Nothing was changed.',
  'link.join.done':
    '🔗 This place is now part of **{community}**: its story, roles, tasks, events and decisions are the same here and at home, and its posts come to this channel too. Try {cmd:status}.',
  'link.notice.linked':
    '🔗 **{community}** is now in two places: here on {home} and on {platform}. What the community posts reaches both; everyone acts on the same story, roles, tasks, events and decisions.',
  'link.remove.none': '**{community}** has no place linked. Nothing was changed.',
  'link.notice.removed':
    '**{community}** and its place on {platform} are unlinked: each goes its own way from now on. Everything the community had stays with it at home; what was posted here stays here.',
  'link.remove.doneHome.one':
    'Unlinked {count} place from **{community}**, at once. Everything the community has stays here, at home; the place keeps what was posted in its channel.',
  'link.remove.doneHome.few':
    'Unlinked {count} places from **{community}**, at once. Everything the community has stays here, at home; the places keep what was posted in their channels.',
  'link.remove.doneHome.many':
    'Unlinked {count} places from **{community}**, at once. Everything the community has stays here, at home; the places keep what was posted in their channels.',
  'link.remove.doneHome.other':
    'Unlinked {count} places from **{community}**, at once. Everything the community has stays here, at home; the places keep what was posted in their channels.',
  'link.remove.donePlace':
    'This place is unlinked from **{community}**, at once. The community and everything it has stay at its home; this channel keeps what was posted in it, and you get a copy of the community’s data (the export) in a direct message. To start a community here: {cmd:setup <name>}.',
  'cmd.link.me.description': 'Be one person on both platforms: link your own Slack and Discord accounts',
  'cmd.link.me.code.description': 'The code you gave yourself on the other platform',
  'cmd.link.me.dm.description': 'Where your direct messages go',
  'help.about.link.me': 'link your own Slack and Discord accounts, to count once',
  'help.about.link.me.code': 'finish linking your accounts with the code you gave yourself',
  'link.me.notLinked': '**{community}** lives in one place only, so you are one person here already. Nothing was changed.',
  'link.me.code':
    '🪪 Your code: **{code}**\nIt works once, until {expires} (15 minutes), and only you see it. To be one person in **{community}**, type it yourself on {other}: `{typed}`\nNobody else can do this for you.',
  'link.me.already':
    'You are one person in **{community}** on both platforms already. Choose where your direct messages go with {cmd:link.me} and `dm`.',
  'link.me.expired':
    'That code has expired: a code works for 15 minutes. Give yourself a new one with {cmd:link.me} on the other platform. Nothing was changed.',
  'link.me.unknown':
    'I know no such code for you here, or it was used already. Give yourself one with {cmd:link.me} on the other platform, in this same community. Nothing was changed.',
  'link.me.samePlatform':
    'That code was made on this same platform: type it on the other one (Slack if you made it on Discord, Discord if on Slack). It is used up; make a new one. Nothing else was changed.',
  'link.me.busy': 'One of these two accounts is linked to someone in **{community}** already. Nothing was changed.',
  'link.me.done':
    '🪪 Done: in **{community}** you are one person on Slack and on Discord, counted once. Your direct messages come to you on {platform}; change it with {cmd:link.me} and `dm`.',
  'link.me.dm.saved': 'Your direct messages will come to you on {platform}.',
  'link.me.dm.notLinked':
    'Your accounts are not linked yet: give yourself a code with {cmd:link.me} on one platform and type it on the other. Nothing was changed.',
} as const;
