import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import { errorText, serializeError, type SerializedError } from '../../../../utils/errors';
import type { UiLanguage } from '../../../../utils/i18n/languages';
import { installMessages, type ChromeMessages } from '../../../../utils/i18n/messages';
import { wordingText } from '../../../../utils/i18n/wording';
import {
  deliveryError,
  describeOutcome,
  mergeOutcomes,
  relaysStillToTry,
  summarize,
} from '../../../../utils/networks/nostr/relay-results';
import type { RelayOutcome } from '../../../../utils/networks/nostr/types';
import { LOCALES_DIR } from '../../i18n/locale-files';

async function use(language: UiLanguage): Promise<void> {
  const messages = generateChromeMessages(
    await parseMessagesFile(`${LOCALES_DIR}${language}.yml`),
  ) as ChromeMessages;
  installMessages(language, messages);
}

afterEach(() => use('en'));

const A = 'wss://a.example';
const B = 'wss://b.example:4848/nostr';
const C = 'wss://c.example';

describe('summarize', () => {
  it('counts a note as posted when one relay accepted it, duplicates included', () => {
    const outcomes: RelayOutcome[] = [
      { relay: A, status: 'refused', message: 'blocked: paid relay' },
      { relay: B, status: 'ok', message: 'duplicate: already have this event' },
      { relay: C, status: 'unreachable' },
    ];
    expect(summarize(outcomes)).toEqual({
      posted: true,
      accepted: [B],
      failed: [outcomes[0], outcomes[2]],
    });
    expect(deliveryError(outcomes)).toBeUndefined();
  });

  it('is not posted when no relay accepted', () => {
    expect(summarize([{ relay: A, status: 'timeout' }]).posted).toBe(false);
  });
});

describe('describeOutcome', () => {
  it.each<[RelayOutcome, string]>([
    [{ relay: A, status: 'ok', message: '' }, 'a.example accepted it'],
    [{ relay: A, status: 'ok', message: 'duplicate: have it' }, 'a.example already had it'],
    [
      { relay: B, status: 'refused', message: 'blocked: paid relay' },
      'b.example:4848/nostr refused it: “blocked: paid relay”',
    ],
    [{ relay: A, status: 'refused' }, 'a.example refused it'],
    [{ relay: A, status: 'unreachable' }, 'a.example could not be reached'],
    [{ relay: A, status: 'timeout' }, 'a.example did not answer in time'],
  ])('%j', (outcome, words) => {
    expect(wordingText(describeOutcome(outcome))).toBe(words);
  });
});

describe('deliveryError', () => {
  it('says there are no write relays when the list is empty', () => {
    expect(deliveryError([])).toMatchObject({ kind: 'validation', retryable: false });
  });

  it('is final (validation) when every relay refused for good, with each relay named', () => {
    const error = deliveryError([
      { relay: A, status: 'refused', message: 'blocked: paid relay' },
      { relay: C, status: 'refused', message: 'invalid: too old' },
    ]);
    expect(error).toMatchObject({ kind: 'validation', retryable: false });
    expect(error?.message).toBe(
      'No relay accepted the note: a.example refused it: “blocked: paid relay”; c.example refused it: “invalid: too old”.',
    );
  });

  it("keeps the relays' own words verbatim as the detail", () => {
    const error = deliveryError([
      { relay: A, status: 'refused', message: 'blocked: paid relay' },
      { relay: C, status: 'unreachable', message: 'socket hang up' },
    ]);
    expect(error?.detail).toBe('a.example: blocked: paid relay');
  });

  it('is recorded as keys, so the outbox shows it in the language picked later', async () => {
    const error = deliveryError([
      { relay: A, status: 'refused', message: 'blocked: paid relay' },
      { relay: C, status: 'timeout' },
    ]);
    const record = JSON.parse(JSON.stringify(serializeError(error!))) as SerializedError;
    expect(record.message).toBe(
      'No relay has the note yet: a.example refused it: “blocked: paid relay”; c.example did not answer in time. Crosswind will try again.',
    );
    await use('de');
    expect(errorText(record)).toBe(
      'Noch hat kein Relay die Notiz: a.example hat ihn abgelehnt: „blocked: paid relay“; c.example hat nicht rechtzeitig geantwortet. Crosswind versucht es erneut.',
    );
    await use('ja');
    expect(errorText(record)).toBe(
      'ノートを受け付けたリレーはまだありません：a.example が拒否しました：「blocked: paid relay」、c.example は時間内に応答しませんでした。Crosswind が再試行します。',
    );
    expect(errorText(serializeError(deliveryError([])!))).toBe(
      'この Nostr アカウントには書き込み用のリレーがありません。設定でリレーを少なくとも 1 つ追加してください。',
    );
  });

  it('is retryable when a relay was unreachable, timed out or had an error', () => {
    for (const outcome of [
      { relay: A, status: 'unreachable' },
      { relay: A, status: 'timeout' },
      { relay: A, status: 'refused', message: 'error: database down' },
    ] as RelayOutcome[]) {
      expect(
        deliveryError([outcome, { relay: C, status: 'refused', message: 'blocked: no' }]),
      ).toMatchObject({ kind: 'network', retryable: true });
    }
  });

  it('is a rate limit when only rate limits stand in the way', () => {
    expect(
      deliveryError([
        { relay: A, status: 'refused', message: 'rate-limited: slow down' },
        { relay: C, status: 'refused', message: 'blocked: no' },
      ]),
    ).toMatchObject({ kind: 'rate-limit', retryable: true });
  });
});

describe('retries', () => {
  it('retries only relays that have not accepted, and keeps earlier acceptances', () => {
    const first: RelayOutcome[] = [
      { relay: A, status: 'ok', message: '' },
      { relay: B, status: 'timeout' },
      { relay: C, status: 'unreachable' },
    ];
    expect(relaysStillToTry([A, B, C], first)).toEqual([B, C]);
    const second: RelayOutcome[] = [
      { relay: B, status: 'ok', message: 'duplicate: already have it' },
      { relay: C, status: 'unreachable' },
      { relay: A, status: 'timeout' },
    ];
    expect(mergeOutcomes(first, second)).toEqual([
      { relay: A, status: 'ok', message: '' },
      second[0],
      second[1],
    ]);
  });
});
