import { useState } from 'react';
import { t } from '@/utils/i18n/messages';
import { shareVideoLink, type VideoLinkShare } from '@/utils/publish/share-video-link';

/** Offers the video's own page (PeerTube's watch link) to the post's other accounts. */
export function ShareVideoLink(props: { url: string; share: VideoLinkShare }) {
  const [done, setDone] = useState(false);
  return (
    <span className="share-video-link">
      <button
        type="button"
        title={t('peertube.shareLinkHint')}
        onClick={() => void shareVideoLink(props.url, props.share).then(() => setDone(true))}
      >
        {t('peertube.shareLink')}
      </button>
      {done ? <span role="status">{t('videoUpload.shareLinkDone')}</span> : null}
    </span>
  );
}
