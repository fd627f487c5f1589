import { useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { captureStore } from '@/utils/capture/capture-store';
import { cardOf, sameLink } from '@/utils/capture/link-card';
import { networkVariant, type Draft } from '@/utils/compose/draft';
import { useComposer } from '@/utils/composer-store';
import { serializeError } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging';
import type { NetworkId } from '@/utils/networks/types';
import { firstAtprotoLink } from '@/utils/text/atproto-links';
import { t } from '@/utils/i18n/messages';

/** Where the card for the text's first link stands. */
export type LinkCardState =
  | { kind: 'none' }
  | { kind: 'loading'; url: string }
  | { kind: 'ready'; url: string }
  | { kind: 'needs-permission'; url: string; origin: string }
  | { kind: 'failed'; url: string; message: string };

// Typing a link fetches once the user pauses, not on every keystroke of the address.
const FETCH_AFTER_MS = 600;

/** The first link a network will see: in that network's version when there is one, else the main text. */
export function firstLinkFor(draft: Draft, network: NetworkId): string | undefined {
  const text = draft.variants[networkVariant(network)] ?? draft.text;
  return firstAtprotoLink(text)?.uri;
}

/**
 * Keeps a card for the first link of a post to a network whose cards Crosswind builds: the shared
 * page's own metadata when the link is that page, otherwise the linked page's, read by the
 * background. Nothing is fetched while no such network is picked.
 */
export function useLinkCard(
  draft: Draft,
  cardNetwork: NetworkId | undefined,
): {
  state: LinkCardState;
  retry(): void;
} {
  const setLinkCard = useComposer((state) => state.setLinkCard);
  const share = useStore(captureStore, (state) => state.share);
  const [fetched, setFetched] = useState<{ url: string; attempt: number; state: LinkCardState }>();
  const [attempt, setAttempt] = useState(0);
  // Finding links scans the whole text: once per text, not once per render.
  const url = useMemo(
    () => (cardNetwork ? firstLinkFor(draft, cardNetwork) : undefined),
    [draft, cardNetwork],
  );
  const kept = Boolean(url && draft.linkCard && sameLink(draft.linkCard.url, url));
  const removed = Boolean(url && draft.removedCards?.some((item) => sameLink(item, url)));

  useEffect(() => {
    if (!url || removed || kept) return;
    const shared = cardOf(share?.card);
    if (shared && sameLink(shared.url, url)) {
      setLinkCard(shared);
      return;
    }
    let live = true;
    const settle = (state: LinkCardState) => {
      if (live) setFetched({ url, attempt, state });
    };
    const timer = setTimeout(() => {
      sendMessage('linkCard.fetch', { url })
        .then((answer) => {
          if ('needsPermission' in answer) {
            settle({ kind: 'needs-permission', url, origin: answer.needsPermission });
            return;
          }
          const card = cardOf(answer.metadata);
          if (card && live) setLinkCard({ ...card, url });
          else settle({ kind: 'failed', url, message: t('linkCard.noAddress') });
        })
        .catch((error: unknown) => {
          settle({ kind: 'failed', url, message: serializeError(error).message });
        });
    }, FETCH_AFTER_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [url, kept, removed, share, setLinkCard, attempt]);

  let state: LinkCardState;
  if (!url || removed) state = { kind: 'none' };
  else if (kept) state = { kind: 'ready', url };
  else if (fetched?.url === url && fetched.attempt === attempt) state = fetched.state;
  else state = { kind: 'loading', url };
  return { state, retry: () => setAttempt((count) => count + 1) };
}
