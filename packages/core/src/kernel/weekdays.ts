/**
 * The one vocabulary of weekday names, English and Russian, full and short: stand-up days (`mon-fri`,
 * `пн,ср,пт`) and dates (`away until вс`, `task … до птн`, `standup holiday tues`) read the same words.
 * Each entry: the words, the ISO weekday, and the full names chrono reads in each language.
 */
const weekdays: readonly (readonly [RegExp, number, string, string])[] = [
  [/^(mon|mond?|monday|пн|пон|понед|понедельник[ауе]?)$/u, 1, 'monday', 'понедельник'],
  [/^(tue|tues?|tuesday|вт|втр|вторник[ауе]?)$/u, 2, 'tuesday', 'вторник'],
  [/^(wed|weds|wednesday|ср|срд|сред[аыуе])$/u, 3, 'wednesday', 'среда'],
  [/^(thu|thur|thurs|thursday|чт|чтв|четверг[ауе]?)$/u, 4, 'thursday', 'четверг'],
  [/^(fri|friday|пт|птн|пятниц[аыуе])$/u, 5, 'friday', 'пятница'],
  [/^(sat|saturday|сб|суб|суббот[аыуе])$/u, 6, 'saturday', 'суббота'],
  [/^(sun|sunday|вс|вск|воскр|воскресень[еяю])$/u, 7, 'sunday', 'воскресенье'],
];

const entryOf = (word: string) => {
  const lower = word.toLocaleLowerCase().replace(/\.$/, '');
  return weekdays.find(([re]) => re.test(lower));
};

/** The ISO weekday (1 Monday … 7 Sunday) a word names, or undefined. */
export const weekdayOf = (word: string): number | undefined => entryOf(word)?.[1];

/**
 * The text with every short weekday name written out in its own script ("вс 10:00" → "воскресенье 10:00",
 * "tues 5pm" → "tuesday 5pm"), so the date reader knows every word stand-ups know. Inflected full names
 * ("до пятницы", "к среде") are left as they are: the reader knows them.
 */
export function fullWeekdays(text: string): string {
  return text.replace(/[\p{L}.]+/gu, (word) => {
    const entry = entryOf(word);
    if (!entry) return word;
    const [, , en, ru] = entry;
    const lower = word.toLocaleLowerCase();
    if (lower.length > 5) return word;
    return /\p{Script=Cyrillic}/u.test(word) ? ru : en;
  });
}

/** Every weekday word the vocabulary knows, for tests: each is read the same by days and dates. */
export const weekdayExamples: readonly (readonly [string, number])[] = [
  ...['mon', 'monday', 'пн', 'пон', 'понедельник'].map((w) => [w, 1] as const),
  ...['tue', 'tues', 'tuesday', 'вт', 'втр', 'вторник'].map((w) => [w, 2] as const),
  ...['wed', 'weds', 'wednesday', 'ср', 'срд', 'среда'].map((w) => [w, 3] as const),
  ...['thu', 'thur', 'thurs', 'thursday', 'чт', 'чтв', 'четверг'].map((w) => [w, 4] as const),
  ...['fri', 'friday', 'пт', 'птн', 'пятница'].map((w) => [w, 5] as const),
  ...['sat', 'saturday', 'сб', 'суб', 'суббота'].map((w) => [w, 6] as const),
  ...['sun', 'sunday', 'вс', 'вск', 'воскресенье'].map((w) => [w, 7] as const),
];
