/** English messages of the people texts (merged into `en.ts`). */
export const peopleEn = {
  'people.none': 'I could not find anyone called “{name}” here. Pick them from the list Slack or Discord offers when you type @.',
  'people.one': 'Nobody here is called exactly “{name}”. Did you mean {last}? Type their name as shown.',
  'people.several': 'Several people could be “{name}”: did you mean {first} or {last}? Type their name as shown.',
  'people.several.more.one': 'Many people could be “{name}”: {people} and {count} more. Type the full name of the one you mean.',
  'people.several.more.few': 'Many people could be “{name}”: {people} and {count} more. Type the full name of the one you mean.',
  'people.several.more.many': 'Many people could be “{name}”: {people} and {count} more. Type the full name of the one you mean.',
  'people.several.more.other': 'Many people could be “{name}”: {people} and {count} more. Type the full name of the one you mean.',
  'people.unavailable':
    'I could not look people up right now to find “{name}”. Try again in a minute, or pick them from the list that opens when you type @.',
  'role.notFound.roles': 'There is no role called “{role}”. The roles here: {roles}.',
  'role.exactly': 'There is no role called exactly “{role}”. Did you mean “{name}”? Removing a role takes its exact name.',
  'role.several': 'Several roles could be “{role}”: did you mean {first} or {last}?',
  'assign.usage.example': 'Say who and which role, for example {cmd:assign @maria|{role}|lead}. The roles here: {roles}.',
  'unassign.told.role': '<@{leader}> took you off **{role}** in {community}. Thank you for what you did in it.',
  'unassign.told.lead': '<@{leader}> took you off leading **{role}** in {community}. Thank you for what you did as its lead.',
  'unassign.told.offer': '<@{leader}> withdrew the offer to join **{role}** in {community}; there is nothing to answer.',
} as const;
