import { useEffect, useState } from 'react';

/** A small preview of a stored image; decorative, since the alt text field beside it describes it. */
export function ImageThumbnail(props: { id: string; width: number; height: number }) {
  const [url, setUrl] = useState<string>();

  useEffect(() => {
    let live = true;
    let created: string | undefined;
    // The image store loads with the first picture, not with the popup.
    void import('@/utils/media/image-store')
      .then(({ loadImage }) => loadImage(props.id))
      .then((blob) => {
        if (!live || !blob) return;
        created = URL.createObjectURL(blob);
        setUrl(created);
      });
    // Each object URL pins the whole file in memory until it is revoked.
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [props.id]);

  return url ? (
    <img className="thumb" src={url} alt="" width={props.width} height={props.height} />
  ) : (
    <span className="thumb thumb-missing" aria-hidden="true" />
  );
}
