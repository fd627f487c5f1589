import { useState } from 'react';
import { t } from '@/utils/i18n/messages';
import { shareVideoLink } from '@/utils/publish/share-video-link';
import type { TargetJob } from '@/utils/publish/types';

/** How much of the clip the account's server has, while it is being uploaded. */
export function VideoProgress({ target }: { target: TargetJob }) {
  const transfer = target.videoTransfer;
  if (!transfer || target.status === 'done' || transfer.totalBytes <= 0) return null;
  const percent = Math.min(100, Math.floor((transfer.sentBytes / transfer.totalBytes) * 100));
  return (
    <span className="video-progress">
      <progress max={100} value={percent} aria-hidden="true" />
      <span role="status">{t('videoUpload.uploading', { percent })}</span>
    </span>
  );
}

/** Offers the video's own page (PeerTube's watch link) to the post's other accounts. */
export function ShareVideoLink(props: { url: string; targetIds: string[] }) {
  const [done, setDone] = useState(false);
  return (
    <span className="share-video-link">
      <button
        type="button"
        title={t('peertube.shareLinkHint')}
        onClick={() => void shareVideoLink(props.url, props.targetIds).then(() => setDone(true))}
      >
        {t('peertube.shareLink')}
      </button>
      {done ? <span role="status">{t('videoUpload.shareLinkDone')}</span> : null}
    </span>
  );
}
