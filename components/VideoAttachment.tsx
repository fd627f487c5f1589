import type { DraftVideo } from '@/utils/compose/draft';
import { removeVideo, setVideoAlt } from '@/utils/compose/video-actions';
import { formatNumber } from '@/utils/i18n/format';
import { formatClock, formatMegabytes } from '@/utils/i18n/format-media';
import { t } from '@/utils/i18n/messages';
import { loadPoster } from '@/utils/media/video-store';
import { DescriptionField } from './DescriptionField';
import { StoredThumbnail } from './StoredThumbnail';

/** The id of the clip's description field, so Post's reminder can send focus to it. */
export const videoDescriptionId = (video: DraftVideo) => `video-alt-${video.id}`;

/**
 * The attached clip: its still, what the networks check (length, size, frame size and rate),
 * its description and a way to remove it. Loaded only when a draft has a clip.
 */
export default function VideoAttachment(props: {
  video: DraftVideo;
  /** The smallest description limit of the picked accounts. */
  altLimit: number;
  /** The description's length, counted as alt text is. */
  altLength: number;
  disabled: boolean;
}) {
  const { video } = props;
  const facts = [
    formatClock(video.durationMs),
    formatMegabytes(video.bytes),
    `${video.width}×${video.height}`,
    ...(video.frameRate ? [t('video.fps', { rate: formatNumber(video.frameRate) })] : []),
  ].join(' · ');

  return (
    <figure className="image-item video-item" aria-label={t('video.item', { name: video.name })}>
      <StoredThumbnail load={loadPoster} id={video.id} width={video.width} height={video.height} />
      <figcaption className="image-body">
        <div className="image-head">
          <span className="image-name" title={video.name}>
            {video.name}
          </span>
          <button
            type="button"
            className="icon"
            aria-label={t('video.removeNamed', { name: video.name })}
            title={t('video.remove')}
            disabled={props.disabled}
            onClick={() => void removeVideo()}
          >
            ✕
          </button>
        </div>
        <span className="video-facts">{facts}</span>
        <DescriptionField
          id={videoDescriptionId(video)}
          countId={`video-alt-count-${video.id}`}
          label={t('video.descriptionFor', { name: video.name })}
          placeholder={t('video.descriptionPlaceholder')}
          value={video.alt}
          length={props.altLength}
          limit={props.altLimit}
          disabled={props.disabled}
          onChange={setVideoAlt}
        />
      </figcaption>
    </figure>
  );
}
