import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CrosswindError,
  deserializeError,
  errorText,
  rateLimited,
  serializeError,
  unreachable,
  type SerializedError,
} from '@/utils/errors';
import { formatDateTime } from '@/utils/i18n/format';
import type { UiLanguage } from '@/utils/i18n/languages';
import { installMessages, type ChromeMessages } from '@/utils/i18n/messages';
import { storedText, words, wordingText, type Wording } from '@/utils/i18n/wording';
import { LOCALES_DIR } from './locale-files';

async function use(language: UiLanguage): Promise<void> {
  const messages = generateChromeMessages(
    await parseMessagesFile(`${LOCALES_DIR}${language}.yml`),
  ) as ChromeMessages;
  installMessages(language, messages);
}

/** What an outbox record holds after IndexedDB or a message: plain data, nothing else. */
function stored(error: CrosswindError): SerializedError {
  return JSON.parse(JSON.stringify(serializeError(error))) as SerializedError;
}

afterEach(() => use('en'));

describe('errors kept as message keys', () => {
  it('are worded in the language read now, not the one they were recorded in', async () => {
    const record = stored(unreachable('example.social'));
    expect(record.message).toBe(
      'Could not reach example.social. Check the address and your connection.',
    );
    expect(record.wording).toEqual({
      key: 'errors.unreachable',
      values: { host: 'example.social' },
    });
    await use('de');
    expect(errorText(record)).toBe(
      'example.social ist nicht erreichbar. Prüfe die Adresse und deine Verbindung.',
    );
    await use('ja');
    expect(errorText(deserializeError(record))).toBe(
      'example.social に接続できませんでした。アドレスと接続を確認してください。',
    );
  });

  it('word a nested message in the reader’s language, capitalised where it starts the sentence', async () => {
    const record = stored(rateLimited('', undefined));
    expect(errorText(record)).toBe(
      'The server says too many requests. Try again in a few minutes.',
    );
    await use('fr');
    expect(errorText(record)).toBe(
      'Le serveur signale trop de requêtes. Réessayez dans quelques minutes.',
    );
  });

  it('show a moment as a clock time of the reader’s language', async () => {
    const at = Date.UTC(2030, 0, 1, 15, 5);
    const record = stored(rateLimited('pds.example', at));
    await use('de');
    const clock = formatDateTime(at, { hour: 'numeric', minute: '2-digit' });
    expect(errorText(record)).toBe(
      `pds.example meldet zu viele Anfragen. Versuche es nach ${clock} erneut.`,
    );
    expect(clock).not.toMatch(/PM|AM/);
  });

  it('keep a server’s own words verbatim, quoted the reader’s way', async () => {
    const error = new CrosswindError('server', words('errors.unexpected', { said: 'Kaputt {x}' }));
    await use('de');
    expect(errorText(stored(error))).toBe('Etwas ist schiefgegangen: „Kaputt {x}“');
  });

  it('read records older than keys, and keys this version lacks, as they were written', async () => {
    const old: SerializedError = { kind: 'server', message: 'Old words.', retryable: true };
    const future = {
      ...old,
      wording: { key: 'errors.fromLaterVersion' } as unknown as Wording,
    };
    const missingValue = {
      ...old,
      wording: { key: 'errors.unreachable', values: {} } as unknown as Wording,
    };
    await use('de');
    expect(errorText(old)).toBe('Old words.');
    expect(errorText(future)).toBe('Old words.');
    expect(errorText(missingValue)).toBe('Old words.');
    expect(deserializeError(old).message).toBe('Old words.');
  });

  it('store notes either way: plain text as written, a message in the language read now', async () => {
    await use('es');
    expect(storedText('As written.')).toBe('As written.');
    expect(storedText(words('errors.cancelled'))).toBe('La solicitud se canceló.');
    expect(wordingText(words('errors.theServer'))).toBe('el servidor');
  });
});
