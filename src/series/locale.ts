/**
 * The languages the library writes in: `en` (the default) and `zh` (Simplified Chinese). Number words
 * (`RMB 3.05 trillion` or `3.05万亿元`), chart text and fonts, fact descriptions and the report take a
 * `locale` of this type.
 * @example
 * Object.keys(Locale); // => ['en', 'zh']
 */
export const Locale = Object.freeze({
  en: 'en',
  zh: 'zh',
} as const);
export type Locale = keyof typeof Locale;
