/**
 * Every catalog at once, for what must hold all languages together (the Discord command definition's
 * localized descriptions). Request paths use `t` and `loadLocale`, which load catalogs on first use.
 */
export { en, type MessageKey } from './en.ts';
export { ru } from './ru.ts';
