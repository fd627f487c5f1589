import { t } from '@/utils/i18n/messages';
import { storedText } from '@/utils/i18n/wording';
import { describeOutcome } from '@/utils/networks/nostr/relay-results';
import type { RelayOutcome } from '@/utils/networks/nostr/types';
import type { TargetJob } from '@/utils/publish/types';

/** One relay's answer in words: accepted, already had it, refused (with its words), unreachable. */
export function relayOutcomeText(outcome: RelayOutcome): string {
  return storedText(describeOutcome(outcome));
}

/**
 * Where a Nostr post went, relay by relay (and part by part for a thread), and after deleting,
 * that relays may keep copies. Nothing for other networks' posts.
 */
export function RelayOutcomes({ target }: { target: TargetJob }) {
  const answers = target.parts.map(
    (part) => (part.checkpoint?.network === 'nostr' && part.checkpoint.note.outcomes) || [],
  );
  if (answers.every((outcomes) => outcomes.length === 0)) return null;
  const many = target.parts.length > 1;
  return (
    <div className="relay-outcomes">
      {answers.map((outcomes, index) =>
        outcomes.length > 0 ? (
          <ul
            key={index}
            aria-label={many ? t('relays.partList', { part: index + 1 }) : t('relays.list')}
          >
            {outcomes.map((outcome) => (
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
