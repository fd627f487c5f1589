import type { GeneratedI18nStructure } from '#i18n';
import { nativeBrowser } from '../native-browser';
import { numberFormatFor, pluralRulesFor } from './intl-cache';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, type UiLanguage } from './languages';

type Structure = GeneratedI18nStructure;

/** Every message key in `locales/en.yml`, dotted (`composer.post`). */
export type MessageKey = keyof Structure & string;

/** The names of the `{placeholders}` a message has, or never when it has none. */
export type PlaceholderOf<K extends MessageKey> = Structure[K] extends {
  namedSubstitutions: readonly (infer Name extends string)[];
}
  ? Name
  : never;

/** The named `{placeholders}` a message needs, or never when it has none. */
type ParamsOf<K extends MessageKey> = [PlaceholderOf<K>] extends [never]
  ? never
  : Record<PlaceholderOf<K>, string | number>;

/** The arguments after the key: the placeholders' values when the message has any. */
export type MessageArgs<K extends MessageKey> = [ParamsOf<K>] extends [never] ? [] : [ParamsOf<K>];

/** Keys of messages without placeholders, which can be looked up from a table. */
export type PlainKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];

/** A `_locales/<lang>/messages.json` as the build writes it (keys with `_` for `.`). */
export type ChromeMessages = Record<string, { message: string }>;

/**
 * Messages loaded by the page itself, when the language picked under Preferences is not the
 * browser's (browser.i18n always answers in the browser's language). Null: ask browser.i18n.
 */
let loaded: { language: UiLanguage; messages: ChromeMessages } | null = null;

/** Uses these messages instead of browser.i18n's (the Preferences override, and unit tests). */
export function installMessages(language: UiLanguage, messages: ChromeMessages): void {
  loaded = { language, messages };
}

/** Goes back to the browser's language (the override was cleared). */
export function followBrowserLanguage(): void {
  loaded = null;
}

/**
 * The language the words on screen are in, for Intl formatting and `<html lang>`. Each
 * messages file names its own language, so a browser in a language Crosswind lacks (which
 * falls back to English messages) formats dates in English too, matching the words.
 */
export function activeLanguage(): UiLanguage {
  return loaded ? loaded.language : browserLanguage();
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

function fill(message: string, params: Record<string, string | number> | undefined): string {
  if (!params) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

function fromBrowser(key: string): string {
  // The browser's typing knows only the predefined @@ names; ours are checked by MessageKey.
  // The browser's own i18n: words must not wait for the polyfill.
  const { i18n } = nativeBrowser();
  const getMessage = i18n.getMessage as (name: string) => string;
  return getMessage.call(i18n, key.replaceAll('.', '_'));
}

function lookup(key: string): string {
  if (loaded) return loaded.messages[key.replaceAll('.', '_')]?.message ?? '';
  return fromBrowser(key);
}

/** True when the active language has this key: a record from another version may name one it lacks. */
export function hasMessage(key: string): boolean {
  return lookup(key) !== '';
}

/**
 * The language browser.i18n answers in, override or not. Not getUILanguage(): Chromium started
 * with `--lang=de` reports en-US there yet serves the German messages, and a browser in a
 * language Crosswind lacks gets English ones.
 */
export function browserLanguage(): UiLanguage {
  const named = fromBrowser('catalogLanguage');
  return isUiLanguage(named) ? named : DEFAULT_UI_LANGUAGE;
}

/**
 * The text for a key in the active language, placeholders filled. A key missing at run time
 * (a test guards that none is) shows as the key itself rather than as nothing.
 */
export function t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string {
  const message = lookup(key);
  if (!message) return key;
  return fill(message, args[0] as Record<string, string | number> | undefined);
}

/** Keys that have plural forms: `foo.one`, `foo.other`… are written under the base `foo`. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

/** The placeholders of a plural message besides `{count}`, which `tn` fills itself. */
type PluralParams<B extends PluralKey> = Omit<
  `${B}.other` extends MessageKey ? ParamsOf<`${B}.other`> : never,
  'count'
>;

/**
 * The plural form of a message for `count`, chosen by Intl.PluralRules for the active language
 * (Japanese has one form, French counts 0 as singular, …). `{count}` is the number formatted
 * for that language; a category a language has but the file lacks falls back to `other`.
 */
export function tn<B extends PluralKey>(base: B, count: number, params?: PluralParams<B>): string {
  const language = activeLanguage();
  const category = pluralRulesFor(language).select(count);
  const chosen = lookup(`${base}.${category}`) || lookup(`${base}.other`);
  if (!chosen) return base;
  return fill(chosen, {
    ...(params as Record<string, string | number> | undefined),
    count: numberFormatFor(language).format(count),
  });
}
