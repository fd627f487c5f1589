import { StoredThumbnail } from './StoredThumbnail';

// The image store loads with the first picture, not with the popup.
const loadStoredImage = (id: string) =>
  import('@/utils/media/image-store').then(({ loadImage }) => loadImage(id));

/** A small preview of a stored image; decorative, since the alt text field beside it describes it. */
export function ImageThumbnail(props: { id: string; width: number; height: number }) {
  return <StoredThumbnail {...props} load={loadStoredImage} />;
}
