// @vitest-environment happy-dom
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDateTime, formatRelativeDays } from '@/utils/i18n/format';
import { uiLanguageStorage } from '@/utils/i18n/language-storage';
import type { UiLanguage } from '@/utils/i18n/languages';
import { applyLanguagePreference, labelDocument } from '@/utils/i18n/load';
import { activeLanguage, installMessages, t, tn, type ChromeMessages } from '@/utils/i18n/messages';
import { atMomentText, momentText } from '@/utils/time-text';
import { LOCALES_DIR, readLocale } from './locale-files';

async function chromeMessages(language: UiLanguage): Promise<ChromeMessages> {
  return generateChromeMessages(
    await parseMessagesFile(`${LOCALES_DIR}${language}.yml`),
  ) as ChromeMessages;
}

/** Serves `_locales/<lang>/messages.json` as the built extension would, counting the fetches. */
function serveLocales(): { fetched: string[] } {
  const fetched: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const url = String(input);
    fetched.push(url);
    const language = /_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] as UiLanguage;
    return new Response(JSON.stringify(await chromeMessages(language)));
  });
  return { fetched };
}

/** The browser's own i18n, answering in English as a browser set to English would. */
async function browserInEnglish(): Promise<void> {
  const english = await chromeMessages('en');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string) => english[name]?.message ?? '',
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
}

afterEach(async () => {
  vi.restoreAllMocks();
  installMessages('en', await chromeMessages('en'));
});

describe('t and tn', () => {
  it('fill named placeholders and show the key, not nothing, for a missing message', () => {
    expect(t('linkCard.failed', { host: 'example.com', reason: 'Timed out.' })).toBe(
      'No link card for example.com: Timed out.',
    );
    installMessages('en', {});
    expect(t('common.cancel')).toBe('common.cancel');
  });

  it('choose plural forms by Intl.PluralRules, not by "is it 1"', async () => {
    expect(tn('altReminder.missing', 1)).toBe('1 image has no alt text.');
    expect(tn('altReminder.missing', 0)).toBe('0 images have no alt text.');
    installMessages('fr', await chromeMessages('fr'));
    // French counts zero as singular.
    expect(tn('altReminder.missing', 0)).toBe('0 image n’a pas de texte alternatif.');
    expect(tn('altReminder.missing', 2)).toBe('2 images n’ont pas de texte alternatif.');
    installMessages('ja', await chromeMessages('ja'));
    expect(tn('altReminder.missing', 1)).toBe('1 枚の画像に代替テキストがありません。');
    installMessages('de', await chromeMessages('de'));
    expect(tn('altReminder.missing', 1200)).toBe('1.200 Bilder haben keinen Alternativtext.');
  });
});

describe('the language override', () => {
  beforeEach(browserInEnglish);

  it('follows the browser without fetching anything when none is picked', async () => {
    const { fetched } = serveLocales();
    expect(await applyLanguagePreference()).toBe('en');
    expect(t('common.cancel')).toBe('Cancel');
    expect(fetched).toEqual([]);
  });

  it('loads only the picked language, from the extension itself', async () => {
    const { fetched } = serveLocales();
    await uiLanguageStorage.setValue('de');
    expect(await applyLanguagePreference()).toBe('de');
    expect(t('common.cancel')).toBe('Abbrechen');
    expect(activeLanguage()).toBe('de');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/\/_locales\/de\/messages\.json$/);
  });

  it('goes back to the browser language when the override is cleared', async () => {
    serveLocales();
    await uiLanguageStorage.setValue('ja');
    await applyLanguagePreference();
    expect(t('common.cancel')).toBe('キャンセル');
    await uiLanguageStorage.setValue(null);
    await applyLanguagePreference();
    expect(t('common.cancel')).toBe('Cancel');
  });

  it('keeps the browser language when the picked file cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 404 }));
    await uiLanguageStorage.setValue('es');
    expect(await applyLanguagePreference()).toBe('en');
    expect(t('common.cancel')).toBe('Cancel');
  });

  it('labels the page with the language, its direction and a translated title', async () => {
    serveLocales();
    await uiLanguageStorage.setValue('fr');
    await applyLanguagePreference();
    const doc = document.implementation.createHTMLDocument('x');
    labelDocument(doc, 'pageTitle.sentPosts');
    expect(doc.documentElement.lang).toBe('fr');
    expect(doc.documentElement.dir).toBe('ltr');
    expect(doc.title).toBe('Crosswind : publications envoyées');
  });
});

describe('dates through Intl', () => {
  // 2030-06-04 is a Tuesday.
  const now = new Date(2030, 5, 4, 9, 0).getTime();
  const tomorrow = new Date(2030, 5, 5, 14, 5).getTime();
  const later = new Date(2030, 5, 11, 14, 5).getTime();

  it('word days and times in the active language', async () => {
    expect(atMomentText(tomorrow, now)).toBe(
      `tomorrow at ${formatDateTime(tomorrow, { hour: 'numeric', minute: '2-digit' })}`,
    );
    installMessages('de', await chromeMessages('de'));
    expect(formatRelativeDays(1)).toBe('morgen');
    expect(atMomentText(tomorrow, now)).toBe('morgen um 14:05');
    expect(momentText(later, now)).toBe('Di., 11. Juni, 14:05');
    installMessages('es', await chromeMessages('es'));
    expect(atMomentText(later, now)).toBe('el mar, 11 jun a las 14:05');
    installMessages('ja', await chromeMessages('ja'));
    expect(formatRelativeDays(-1)).toBe('昨日');
  });
});

it('every shipped file parses (readLocale is what the other tests build on)', async () => {
  expect((await readLocale('de')).get('catalogLanguage')).toBe('de');
});
