import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLanguage } from '@/utils/i18n/languages';
import { installMessages, type ChromeMessages } from '@/utils/i18n/messages';
import { deletionText, targetStateText } from '@/components/target-state';
import type { TargetJob } from '@/utils/publish/types';

function target(posted: number, total: number, extra: Partial<TargetJob>): TargetJob {
  return {
    accountId: 'm1',
    status: 'queued',
    content: { parts: Array.from({ length: total }, () => 'x') },
    parts: Array.from({ length: total }, (_, index) => ({
      idempotencyKey: `k${index}`,
      ...(index < posted && { result: { id: `p${index}`, url: `https://x.example/${index}` } }),
    })),
    attempts: 1,
    updatedAt: 0,
    ...extra,
  };
}

async function chromeMessages(language: UiLanguage): Promise<ChromeMessages> {
  return generateChromeMessages(
    await parseMessagesFile(`locales/${language}.yml`),
  ) as ChromeMessages;
}

const at = new Date(2030, 0, 1, 12, 3).getTime();
const clock = new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });

describe('targetStateText', () => {
  it.each([
    [target(0, 1, { status: 'queued' }), 'About to post…'],
    [target(0, 1, { status: 'uploading' }), 'Uploading images…'],
    [target(0, 1, { status: 'posting' }), 'Posting…'],
    [target(1, 1, { status: 'done' }), 'Posted'],
    [target(0, 1, { status: 'failed' }), 'Failed'],
    [target(1, 4, { status: 'posting' }), 'Posting 2 of 4…'],
    [target(1, 4, { status: 'uploading' }), 'Uploading images for part 2 of 4…'],
    [target(4, 4, { status: 'done' }), 'Posted a thread of 4'],
    [target(1, 4, { status: 'failed' }), 'Failed after 1 of 4 posts'],
    [
      target(0, 1, { status: 'waiting', waitingFor: 'retry', nextAttemptAt: at }),
      `Retrying at ${clock}`,
    ],
    [target(0, 1, { status: 'waiting', waitingFor: 'reconnect' }), 'Waiting for you to reconnect'],
    [
      target(2, 3, { status: 'waiting', waitingFor: 'online' }),
      'Waiting for the connection (2 of 3 posted)',
    ],
  ])('%#: %s', (item, text) => {
    expect(targetStateText(item)).toBe(text);
  });
});

describe('targetStateText for posts sent later', () => {
  const now = new Date(2030, 0, 1, 9, 0).getTime();
  const tomorrow = new Date(2030, 0, 2, 12, 3).getTime();

  it.each([
    [
      target(0, 1, {
        status: 'scheduled',
        scheduledAt: at,
        scheduleMode: 'server',
        serverScheduledId: 's1',
      }),
      `Scheduled for ${clock} on social.example`,
    ],
    [
      target(0, 1, { status: 'scheduled', scheduledAt: at, scheduleMode: 'local' }),
      `Scheduled for ${clock} (Crosswind posts it)`,
    ],
    [
      target(0, 1, { status: 'scheduled', scheduledAt: tomorrow, scheduleMode: 'local' }),
      `Scheduled for tomorrow, ${new Date(tomorrow).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' })} (Crosswind posts it)`,
    ],
    [
      target(0, 1, { status: 'posting', scheduledAt: at, scheduleMode: 'server' }),
      'Scheduling on social.example…',
    ],
    [
      target(0, 1, {
        status: 'done',
        scheduledAt: at,
        scheduleMode: 'server',
        serverScheduledId: 's1',
      }),
      `Posted by social.example at ${clock}`,
    ],
    // Crosswind posted it itself: said like any other post.
    [target(1, 1, { status: 'done', scheduledAt: at, scheduleMode: 'local' }), 'Posted'],
    [target(0, 1, { status: 'posting', scheduledAt: at, scheduleMode: 'local' }), 'Posting…'],
  ])('%#: %s', (item, text) => {
    expect(targetStateText(item, 'social.example', now)).toBe(text);
  });
});

describe('deletionText', () => {
  it('says what deleting did, and nothing before anyone asked', () => {
    expect(deletionText(target(1, 1, { status: 'done' }))).toBe('');
    expect(deletionText(target(1, 1, { status: 'done', deletedAt: 1 }))).toBe('Deleted');
    expect(deletionText(target(0, 1, { status: 'failed', deletedAt: 1 }))).toBe(
      'Nothing to delete',
    );
    expect(
      deletionText(
        target(1, 1, {
          status: 'done',
          deleteError: { kind: 'server', message: 'x', retryable: true },
        }),
      ),
    ).toBe('Could not delete');
  });

  it('never calls deleted what the server did not have', () => {
    expect(deletionText(target(1, 1, { status: 'done', deletedAt: 1, notFoundOnDelete: 1 }))).toBe(
      'Not found on the server: already deleted there, or never posted',
    );
    expect(deletionText(target(3, 3, { status: 'done', deletedAt: 1, notFoundOnDelete: 1 }))).toBe(
      'Deleted (1 of 3 posts were not found)',
    );
  });
});

describe('delivery states in the language read now', () => {
  afterEach(async () => {
    installMessages('en', await chromeMessages('en'));
  });

  it('choose the plural form of each language and write its numbers', async () => {
    installMessages('de', await chromeMessages('de'));
    expect(targetStateText(target(1, 3, { status: 'failed' }))).toBe(
      'Fehlgeschlagen nach 1 von 3 Beiträgen',
    );
    expect(deletionText(target(2, 2, { deletedAt: 1, notFoundOnDelete: 1 }))).toBe(
      'Gelöscht (1 von 2 Beiträgen nicht gefunden)',
    );
    installMessages('fr', await chromeMessages('fr'));
    expect(targetStateText(target(1, 1, { status: 'done' }))).toBe('Publiée');
    installMessages('ja', await chromeMessages('ja'));
    expect(targetStateText(target(2, 3, { status: 'posting' }))).toBe('3 件中 3 件目を投稿中…');
  });
});
