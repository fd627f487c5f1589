import type { ChangeEvent } from 'react';
import { altLength } from '@/utils/compose/alt-text';
import { MAX_IMAGES } from '@/utils/compose/attach-images';
import type { DraftImage } from '@/utils/compose/draft';
import { useComposer } from '@/utils/composer-store';
import { ImageThumbnail } from './ImageThumbnail';

/** The id of an image's alt text field, so Post's reminder can send focus to it. */
export const altFieldId = (image: DraftImage) => `alt-${image.id}`;

/** Attached images in posting order, each with its alt text, its place and a way to remove it. */
export function ImageAttachments(props: {
  images: DraftImage[];
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
  const { removeImage, moveImage, setAlt } = useComposer();
  const { images } = props;
  const full = images.length >= MAX_IMAGES;

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
          Add images
        </label>
        <span className="hint" id="attach-hint">
          {props.adding
            ? 'Checking images…'
            : full
              ? `${MAX_IMAGES} of ${MAX_IMAGES} images attached.`
              : `Up to ${MAX_IMAGES} images; paste or drop them here too.`}
        </span>
      </div>
      {props.errors.length > 0 ? (
        <div className="error" role="alert">
          {props.errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {images.length > 0 ? (
        <ol className="image-list" aria-label="Images">
          {images.map((image, index) => {
            const length = altLength(image.alt);
            const over = length > props.altLimit;
            const countId = `alt-count-${image.id}`;
            return (
              <li
                key={image.id}
                className="image-item"
                aria-label={`Image ${index + 1}: ${image.name}`}
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
                      aria-label={`Move ${image.name} earlier`}
                      title="Earlier"
                      disabled={props.disabled || index === 0}
                      onClick={() => moveImage(image.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={`Move ${image.name} later`}
                      title="Later"
                      disabled={props.disabled || index === images.length - 1}
                      onClick={() => moveImage(image.id, 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={`Remove ${image.name}`}
                      title="Remove"
                      disabled={props.disabled}
                      onClick={() => void removeImage(image.id)}
                    >
                      ✕
                    </button>
                  </div>
                  <label htmlFor={altFieldId(image)} className="visually-hidden">
                    Alt text for {image.name}
                  </label>
                  <textarea
                    id={altFieldId(image)}
                    className="alt-text"
                    rows={2}
                    value={image.alt}
                    placeholder="Describe the image for people who cannot see it"
                    readOnly={props.disabled}
                    aria-describedby={countId}
                    aria-invalid={over || undefined}
                    onChange={(event) => setAlt(image.id, event.currentTarget.value)}
                  />
                  <span className={`alt-count${over ? ' over' : ''}`} id={countId}>
                    {over
                      ? `${length} of ${props.altLimit} characters: ${length - props.altLimit} too many`
                      : `${length} / ${props.altLimit}`}
                  </span>
                  {image.animated && props.stillGifNetwork ? (
                    <span className="image-note">
                      {props.stillGifNetwork} shows only the first frame of {image.name}.
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
