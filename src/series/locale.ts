import { argumentError, show } from '../internal/assert.js';

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

/**
 * Throws invalid_argument unless `locale` is a {@link Locale}: `<fn>: <name> must be "en" or "zh" (got …).`,
 * with its issue at `name` (`locale`, or `options.locale` for an option).
 */
export function checkLocale(fn: string, locale: unknown, name = 'locale'): asserts locale is Locale {
  if (locale !== 'en' && locale !== 'zh') {
    throw argumentError(
      'invalid_argument',
      `${fn}: ${name} must be "en" or "zh" (got ${show(locale)}).`,
      name,
      '"en" or "zh"',
      locale,
      { locale },
    );
  }
}
