import { IANAZone } from 'luxon';

/**
 * Timezones by the names people use: IANA names (`Europe/Moscow`), the city part of every IANA zone the
 * runtime knows (`Intl.supportedValuesOf('timeZone')`: "Moscow", "new york", "Sao Paulo"), and a small
 * table of countries and of cities in Russian. A country with several zones answers with a short list
 * to choose from. No package: the city list is the runtime's own, the rest fits in this file.
 */
export type ZoneFound = { readonly zone: string } | { readonly choices: readonly string[] };

const RUSSIA = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
];
const USA = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
];
const CANADA = ['America/St_Johns', 'America/Halifax', 'America/Toronto', 'America/Winnipeg', 'America/Edmonton', 'America/Vancouver'];
const AUSTRALIA = ['Australia/Perth', 'Australia/Darwin', 'Australia/Adelaide', 'Australia/Brisbane', 'Australia/Sydney'];
const BRAZIL = ['America/Sao_Paulo', 'America/Manaus', 'America/Rio_Branco', 'America/Noronha'];
const MEXICO = ['America/Mexico_City', 'America/Cancun', 'America/Chihuahua', 'America/Tijuana'];
const KAZAKHSTAN = ['Asia/Almaty', 'Asia/Aqtobe'];
const INDONESIA = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'];

/** Countries (English and Russian) and cities whose names are not an IANA city, lowercased, ё as е. */
const NAMES: Record<string, string | readonly string[]> = {
  russia: RUSSIA,
  россия: RUSSIA,
  рф: RUSSIA,
  usa: USA,
  us: USA,
  'united states': USA,
  america: USA,
  сша: USA,
  америка: USA,
  canada: CANADA,
  канада: CANADA,
  australia: AUSTRALIA,
  австралия: AUSTRALIA,
  brazil: BRAZIL,
  бразилия: BRAZIL,
  mexico: MEXICO,
  мексика: MEXICO,
  kazakhstan: KAZAKHSTAN,
  казахстан: KAZAKHSTAN,
  indonesia: INDONESIA,
  индонезия: INDONESIA,
  germany: 'Europe/Berlin',
  германия: 'Europe/Berlin',
  france: 'Europe/Paris',
  франция: 'Europe/Paris',
  uk: 'Europe/London',
  'united kingdom': 'Europe/London',
  britain: 'Europe/London',
  england: 'Europe/London',
  великобритания: 'Europe/London',
  англия: 'Europe/London',
  spain: 'Europe/Madrid',
  испания: 'Europe/Madrid',
  italy: 'Europe/Rome',
  италия: 'Europe/Rome',
  netherlands: 'Europe/Amsterdam',
  нидерланды: 'Europe/Amsterdam',
  poland: 'Europe/Warsaw',
  польша: 'Europe/Warsaw',
  ukraine: 'Europe/Kyiv',
  украина: 'Europe/Kyiv',
  kyiv: 'Europe/Kyiv',
  belarus: 'Europe/Minsk',
  беларусь: 'Europe/Minsk',
  белоруссия: 'Europe/Minsk',
  georgia: 'Asia/Tbilisi',
  грузия: 'Asia/Tbilisi',
  armenia: 'Asia/Yerevan',
  армения: 'Asia/Yerevan',
  azerbaijan: 'Asia/Baku',
  азербайджан: 'Asia/Baku',
  uzbekistan: 'Asia/Tashkent',
  узбекистан: 'Asia/Tashkent',
  kyrgyzstan: 'Asia/Bishkek',
  киргизия: 'Asia/Bishkek',
  кыргызстан: 'Asia/Bishkek',
  moldova: 'Europe/Chisinau',
  молдова: 'Europe/Chisinau',
  latvia: 'Europe/Riga',
  латвия: 'Europe/Riga',
  lithuania: 'Europe/Vilnius',
  литва: 'Europe/Vilnius',
  estonia: 'Europe/Tallinn',
  эстония: 'Europe/Tallinn',
  finland: 'Europe/Helsinki',
  финляндия: 'Europe/Helsinki',
  sweden: 'Europe/Stockholm',
  швеция: 'Europe/Stockholm',
  norway: 'Europe/Oslo',
  норвегия: 'Europe/Oslo',
  czechia: 'Europe/Prague',
  чехия: 'Europe/Prague',
  austria: 'Europe/Vienna',
  австрия: 'Europe/Vienna',
  switzerland: 'Europe/Zurich',
  швейцария: 'Europe/Zurich',
  greece: 'Europe/Athens',
  греция: 'Europe/Athens',
  serbia: 'Europe/Belgrade',
  сербия: 'Europe/Belgrade',
  turkey: 'Europe/Istanbul',
  турция: 'Europe/Istanbul',
  israel: 'Asia/Jerusalem',
  израиль: 'Asia/Jerusalem',
  india: 'Asia/Kolkata',
  индия: 'Asia/Kolkata',
  china: 'Asia/Shanghai',
  китай: 'Asia/Shanghai',
  japan: 'Asia/Tokyo',
  япония: 'Asia/Tokyo',
  thailand: 'Asia/Bangkok',
  таиланд: 'Asia/Bangkok',
  vietnam: 'Asia/Ho_Chi_Minh',
  вьетнам: 'Asia/Ho_Chi_Minh',
  uae: 'Asia/Dubai',
  оаэ: 'Asia/Dubai',
  egypt: 'Africa/Cairo',
  египет: 'Africa/Cairo',
  argentina: 'America/Argentina/Buenos_Aires',
  аргентина: 'America/Argentina/Buenos_Aires',
  // Cities whose zone is named after another city.
  'st petersburg': 'Europe/Moscow',
  'saint petersburg': 'Europe/Moscow',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  washington: 'America/New_York',
  boston: 'America/New_York',
  miami: 'America/New_York',
  nyc: 'America/New_York',
  beijing: 'Asia/Shanghai',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  kazan: 'Europe/Moscow',
  ufa: 'Asia/Yekaterinburg',
  // Russian names of cities.
  москва: 'Europe/Moscow',
  'санкт петербург': 'Europe/Moscow',
  петербург: 'Europe/Moscow',
  питер: 'Europe/Moscow',
  спб: 'Europe/Moscow',
  казань: 'Europe/Moscow',
  'нижний новгород': 'Europe/Moscow',
  'ростов на дону': 'Europe/Moscow',
  краснодар: 'Europe/Moscow',
  воронеж: 'Europe/Moscow',
  калининград: 'Europe/Kaliningrad',
  самара: 'Europe/Samara',
  волгоград: 'Europe/Volgograd',
  саратов: 'Europe/Saratov',
  ульяновск: 'Europe/Ulyanovsk',
  екатеринбург: 'Asia/Yekaterinburg',
  уфа: 'Asia/Yekaterinburg',
  пермь: 'Asia/Yekaterinburg',
  челябинск: 'Asia/Yekaterinburg',
  тюмень: 'Asia/Yekaterinburg',
  омск: 'Asia/Omsk',
  новосибирск: 'Asia/Novosibirsk',
  томск: 'Asia/Tomsk',
  барнаул: 'Asia/Barnaul',
  красноярск: 'Asia/Krasnoyarsk',
  иркутск: 'Asia/Irkutsk',
  якутск: 'Asia/Yakutsk',
  владивосток: 'Asia/Vladivostok',
  хабаровск: 'Asia/Vladivostok',
  магадан: 'Asia/Magadan',
  'петропавловск камчатский': 'Asia/Kamchatka',
  камчатка: 'Asia/Kamchatka',
  минск: 'Europe/Minsk',
  киев: 'Europe/Kyiv',
  алматы: 'Asia/Almaty',
  астана: 'Asia/Almaty',
  ташкент: 'Asia/Tashkent',
  бишкек: 'Asia/Bishkek',
  тбилиси: 'Asia/Tbilisi',
  ереван: 'Asia/Yerevan',
  баку: 'Asia/Baku',
  кишинев: 'Europe/Chisinau',
  рига: 'Europe/Riga',
  вильнюс: 'Europe/Vilnius',
  таллин: 'Europe/Tallinn',
  хельсинки: 'Europe/Helsinki',
  варшава: 'Europe/Warsaw',
  прага: 'Europe/Prague',
  берлин: 'Europe/Berlin',
  париж: 'Europe/Paris',
  лондон: 'Europe/London',
  белград: 'Europe/Belgrade',
  стамбул: 'Europe/Istanbul',
  дубай: 'Asia/Dubai',
  'нью йорк': 'America/New_York',
  'лос анджелес': 'America/Los_Angeles',
  чикаго: 'America/Chicago',
  токио: 'Asia/Tokyo',
};

const key = (name: string) =>
  name
    .trim()
    .toLocaleLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_.-]+/g, ' ')
    .trim();

let cities: Map<string, string> | undefined;
/** "new york" → America/New_York, from the runtime's zone list; built on the first lookup. */
function cityIndex(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const city = key(zone.split('/').pop() ?? '');
    if (city && !cities.has(city)) cities.set(city, zone);
  }
  return cities;
}

/** The zone someone named: an IANA name, a city, a country; `choices` when a country has several. */
export function findZone(input: string): ZoneFound | undefined {
  const text = input.trim();
  if (!text || text.length > 60) return undefined;
  if (/^utc$|^gmt$/i.test(text)) return { zone: 'UTC' };
  if (text.includes('/') && IANAZone.isValidZone(text))
    return { zone: new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone };
  const name = key(text);
  const known = NAMES[name] ?? cityIndex().get(name);
  if (typeof known === 'string') return { zone: known };
  if (known) return { choices: known };
  return undefined;
}
