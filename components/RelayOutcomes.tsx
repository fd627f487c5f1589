import { t } from '@/utils/i18n/messages';
import { messagePrefix, relayName } from '@/utils/networks/nostr/relay-name';
import type { RelayOutcome } from '@/utils/networks/nostr/types';
import type { TargetJob } from '@/utils/publish/types';

/** One relay's answer in words: accepted, already had it, refused (with its words), unreachable. */
export function relayOutcomeText(outcome: RelayOutcome): string {
  const relay = relayName(outcome.relay);
  switch (outcome.status) {
    case 'ok':
      return messagePrefix(outcome.message) === 'duplicate'
        ? t('relays.alreadyHad', { relay })
        : t('relays.accepted', { relay });
    case 'refused':
      return outcome.message
        ? t('relays.refusedSaying', { relay, message: outcome.message })
        : t('relays.refused', { relay });
    case 'unreachable':
      return t('relays.unreachable', { relay });
    case 'timeout':
      return t('relays.timeout', { relay });
  }
}

/**
 * Where a Nostr post went, relay by relay (and part by part for a thread), and after deleting,
 * that relays may keep copies. Nothing for other networks' posts.
 */
export function RelayOutcomes({ target }: { target: TargetJob }) {
  const parts = target.parts.filter((part) => part.note?.outcomes?.length);
  if (parts.length === 0) return null;
  const many = target.parts.length > 1;
  return (
    <div className="relay-outcomes">
      {target.parts.map((part, index) =>
        part.note?.outcomes?.length ? (
          <ul
            key={index}
            aria-label={many ? t('relays.partList', { part: index + 1 }) : t('relays.list')}
          >
            {part.note.outcomes.map((outcome) => (
              <li key={outcome.relay} className={outcome.status === 'ok' ? 'ok' : 'warn'}>
                {relayOutcomeText(outcome)}
              </li>
            ))}
          </ul>
        ) : null,
      )}
      {target.deletedAt !== undefined ? <p className="muted">{t('relays.mayKeep')}</p> : null}
    </div>
  );
}
