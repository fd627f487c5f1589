import { lazy, Suspense, type ChangeEvent } from 'react';
import { altLength } from '@/utils/compose/alt-text';
import { MAX_IMAGES, type DraftImage, type DraftVideo } from '@/utils/compose/draft';
import { useComposer } from '@/utils/composer-store';
import { DescriptionField } from './DescriptionField';
import { ImageThumbnail } from './ImageThumbnail';
import { t } from '@/utils/i18n/messages';

// Most posts have no clip: its preview, still and description load with the first one.
const VideoAttachment = lazy(() => import('./VideoAttachment'));

/** The id of an image's alt text field, so Post's reminder can send focus to it. */
export const altFieldId = (image: DraftImage) => `alt-${image.id}`;

/**
 * Attached images in posting order, each with its alt text, its place and a way to remove it;
 * or the one attached clip.
 */
export function ImageAttachments(props: {
  images: DraftImage[];
  video: DraftVideo | undefined;
  /** The smallest video description limit of the picked accounts. */
  videoAltLimit: number;
  /** A clip is being read and stored. */
  readingVideo: boolean;
  /** The smallest alt text limit of the picked accounts. */
  altLimit: number;
  /** A picked network that shows animated GIFs as stills, by name. */
  stillGifNetwork: string | undefined;
  disabled: boolean;
  /** Files being checked: Post waits for them. */
  adding: boolean;
  /** One message per file that was left out, from the last attempt. */
  errors: string[];
  onAdd(files: File[]): void;
}) {
  const removeImage = useComposer((state) => state.removeImage);
  const moveImage = useComposer((state) => state.moveImage);
  const setAlt = useComposer((state) => state.setAlt);
  const { images } = props;
  const full = images.length >= MAX_IMAGES || props.video !== undefined;
  const videoTaken = images.length > 0 || props.video !== undefined;

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.currentTarget.files ?? [])];
    // Cleared so picking the same file again (after removing it) still fires a change.
    event.currentTarget.value = '';
    if (files.length > 0) props.onAdd(files);
  };

  return (
    <div className="attachments">
      <div className="attach-bar">
        <label className={`attach-button${props.disabled || full ? ' disabled' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept="image/*"
            multiple
            disabled={props.disabled || full}
            aria-describedby="attach-hint"
            onChange={pick}
          />
          {t('images.add')}
        </label>
        <label className={`attach-button${props.disabled || videoTaken ? ' disabled' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept="video/*"
            disabled={props.disabled || videoTaken}
            aria-describedby="attach-hint"
            onChange={pick}
          />
          {t('video.add')}
        </label>
        <span className="hint" id="attach-hint">
          {props.readingVideo
            ? t('video.reading')
            : props.adding
              ? t('composer.checkingImages')
              : props.video
                ? t('video.attached')
                : images.length >= MAX_IMAGES
                  ? t('images.full', { max: MAX_IMAGES })
                  : t('video.hint', { max: MAX_IMAGES })}
        </span>
      </div>
      {props.errors.length > 0 ? (
        <div className="error" role="alert">
          {props.errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {props.video ? (
        <Suspense fallback={null}>
          <VideoAttachment
            video={props.video}
            altLimit={props.videoAltLimit}
            altLength={altLength(props.video.alt)}
            disabled={props.disabled}
          />
        </Suspense>
      ) : null}
      {images.length > 0 ? (
        <ol className="image-list" aria-label={t('images.listLabel')}>
          {images.map((image, index) => {
            return (
              <li
                key={image.id}
                className="image-item"
                aria-label={t('images.item', { number: index + 1, name: image.name })}
              >
                <ImageThumbnail id={image.id} width={image.width} height={image.height} />
                <div className="image-body">
                  <div className="image-head">
                    <span className="image-name" title={image.name}>
                      {image.name}
                    </span>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('images.moveEarlier', { name: image.name })}
                      title={t('images.earlier')}
                      disabled={props.disabled || index === 0}
                      onClick={() => moveImage(image.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('images.moveLater', { name: image.name })}
                      title={t('images.later')}
                      disabled={props.disabled || index === images.length - 1}
                      onClick={() => moveImage(image.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('images.removeNamed', { name: image.name })}
                      title={t('images.remove')}
                      disabled={props.disabled}
                      onClick={() => void removeImage(image.id)}
                    >
                      ✕
                    </button>
                  </div>
                  <DescriptionField
                    id={altFieldId(image)}
                    countId={`alt-count-${image.id}`}
                    label={t('images.altFor', { name: image.name })}
                    placeholder={t('images.altPlaceholder')}
                    value={image.alt}
                    length={altLength(image.alt)}
                    limit={props.altLimit}
                    disabled={props.disabled}
                    onChange={(alt) => setAlt(image.id, alt)}
                  />
                  {image.animated && props.stillGifNetwork ? (
                    <span className="image-note">
                      {t('images.firstFrame', { network: props.stillGifNetwork, name: image.name })}
                    </span>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
