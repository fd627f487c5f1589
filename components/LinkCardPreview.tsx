import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { originPattern } from '@/utils/capture/site-access';
import type { LinkCard } from '@/utils/networks/types';
import type { LinkCardState } from './use-link-card';

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Asks, from the click itself as browsers require, to read one more site; true when granted. */
function askForSite(url: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(url)] });
}

/** Whether the background may download the card's picture; undefined while checking. */
function useImageAccess(image: string | undefined): [boolean | undefined, () => void] {
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    if (!image) return;
    let live = true;
    void browser.permissions
      .contains({ origins: [originPattern(image)] })
      .then((has) => live && setAllowed(has));
    return () => {
      live = false;
    };
  }, [image]);
  const ask = () => {
    if (image) void askForSite(image).then(setAllowed);
  };
  return [allowed, ask];
}

/**
 * The card Bluesky will show under the post, as the user will see it, with a way to drop it. Page
 * text is rendered as text, never as markup.
 */
export function LinkCardPreview(props: {
  card: LinkCard | undefined;
  state: LinkCardState;
  hasImages: boolean;
  disabled: boolean;
  onRemove(url: string): void;
  onRetry(): void;
}) {
  const { card, state } = props;
  const [imageAllowed, askImage] = useImageAccess(card?.image);
  if (state.kind === 'none') return null;
  if (state.kind === 'loading') {
    return (
      <p className="page-note" role="status">
        Loading a link card for {host(state.url)}…
      </p>
    );
  }
  if (state.kind === 'needs-permission') {
    return (
      <p className="page-note">
        Bluesky shows a card for links only when Crosswind builds it.{' '}
        <button
          type="button"
          className="link"
          onClick={() => void askForSite(state.url).then((granted) => granted && props.onRetry())}
        >
          Allow Crosswind to read {host(state.url)}
        </button>
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="page-note" role="status">
        No link card for {host(state.url)}: {state.message}{' '}
        <button type="button" className="link" onClick={props.onRetry}>
          Try again
        </button>
      </p>
    );
  }
  if (!card) return null;
  return (
    <figure className="link-card" aria-label="Link card">
      {card.image ? <img src={card.image} alt={card.imageAlt ?? ''} loading="lazy" /> : null}
      <figcaption>
        <span className="link-card-host">{host(card.url)}</span>
        <strong className="link-card-title">{card.title}</strong>
        {card.description ? <span className="link-card-text">{card.description}</span> : null}
        <span className="page-note">
          {props.hasImages
            ? 'Bluesky shows your images instead of this card.'
            : 'Bluesky shows this card under the post; Mastodon builds its own from the link.'}
          {card.image && imageAllowed === false ? (
            <>
              {' '}
              <button type="button" className="link" onClick={askImage}>
                Allow the card picture from {host(card.image)}
              </button>
            </>
          ) : null}
        </span>
        <button type="button" disabled={props.disabled} onClick={() => props.onRemove(card.url)}>
          Remove link card
        </button>
      </figcaption>
    </figure>
  );
}
