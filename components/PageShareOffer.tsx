import { useState } from 'react';
import { useStore } from 'zustand';
import { captureStore } from '@/utils/capture/capture-store';
import { cardOf } from '@/utils/capture/link-card';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';

/** Shares older than this were for another visit; they are not offered any more. */
const OFFER_FOR_MS = 30 * 60 * 1000;

/**
 * What the page gave the composer: the page to add when a post is already being written (it is
 * never overwritten), a note about the share (a quote cut short, an image that could not be
 * downloaded), or why the page could not be read at all.
 */
export function PageShareOffer({ captured, disabled }: { captured?: boolean; disabled: boolean }) {
  const { share, unavailable, patch } = useStore(captureStore);
  const insertShared = useComposer((state) => state.insertShared);
  const [openedAt] = useState(() => Date.now());
  if (captured === false && unavailable) {
    return (
      <p className="page-note" role="status">
        {unavailable}
      </p>
    );
  }
  if (!share || openedAt - share.createdAt > OFFER_FOR_MS) return null;
  const offered = !share.settled && share.text !== '';
  if (!offered && !share.note) return null;
  const settle = () => void patch({ share: { ...share, settled: true } });
  const dismissNote = () => {
    const { note: _note, ...rest } = share;
    void patch({ share: rest });
  };
  return (
    <section className="page-offer" aria-label={t('pageOffer.label')}>
      {offered ? (
        <>
          <p className="page-offer-title">
            {t('pageOffer.from')} <cite>{share.source.title || share.source.url}</cite>
          </p>
          <p className="page-offer-text">{share.text}</p>
          <div className="page-offer-actions">
            <button
              type="button"
              disabled={disabled}
              onClick={() => {
                insertShared(share.text, cardOf(share.card));
                settle();
              }}
            >
              {t('pageOffer.add')}
            </button>
            <button type="button" onClick={settle}>
              {t('pageOffer.dismiss')}
            </button>
          </div>
        </>
      ) : null}
      {share.note ? (
        <p className="page-note" role="status">
          {share.note}{' '}
          {offered ? null : (
            <button type="button" className="link" onClick={dismissNote}>
              {t('common.ok')}
            </button>
          )}
        </p>
      ) : null}
    </section>
  );
}
