import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { originPattern } from '@/utils/capture/site-access';
import type { LinkCard } from '@/utils/networks/types';
import type { LinkCardState } from './use-link-card';
import { t } from '@/utils/i18n/messages';

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
  hasVideo: boolean;
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
        {t('linkCard.loading', { host: host(state.url) })}
      </p>
    );
  }
  if (state.kind === 'needs-permission') {
    return (
      <p className="page-note">
        {t('linkCard.needsPermission')}{' '}
        <button
          type="button"
          className="link"
          onClick={() => void askForSite(state.url).then((granted) => granted && props.onRetry())}
        >
          {t('linkCard.allowSite', { host: host(state.url) })}
        </button>
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <p className="page-note" role="status">
        {t('linkCard.failed', { host: host(state.url), reason: state.message })}{' '}
        <button type="button" className="link" onClick={props.onRetry}>
          {t('common.tryAgain')}
        </button>
      </p>
    );
  }
  if (!card) return null;
  return (
    <figure className="link-card" aria-label={t('linkCard.label')}>
      {card.image ? <img src={card.image} alt={card.imageAlt ?? ''} loading="lazy" /> : null}
      <figcaption>
        <span className="link-card-host">{host(card.url)}</span>
        <strong className="link-card-title">{card.title}</strong>
        {card.description ? <span className="link-card-text">{card.description}</span> : null}
        <span className="page-note">
          {props.hasVideo
            ? t('linkCard.videoInstead')
            : props.hasImages
              ? t('linkCard.imagesInstead')
              : t('linkCard.underPost')}
          {card.image && imageAllowed === false ? (
            <>
              {' '}
              <button type="button" className="link" onClick={askImage}>
                {t('linkCard.allowPicture', { host: host(card.image) })}
              </button>
            </>
          ) : null}
        </span>
        <button type="button" disabled={props.disabled} onClick={() => props.onRemove(card.url)}>
          {t('linkCard.remove')}
        </button>
      </figcaption>
    </figure>
  );
}
