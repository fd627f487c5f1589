import { useEffect, useState } from 'react';

/**
 * A small preview of a stored picture (an image, a clip's still); decorative, since the
 * description field beside it says what it shows. `load` must be a stable function.
 */
export function StoredThumbnail(props: {
  id: string;
  width: number;
  height: number;
  load(id: string): Promise<Blob | undefined>;
}) {
  const { id, load } = props;
  const [url, setUrl] = useState<string>();

  useEffect(() => {
    let live = true;
    let created: string | undefined;
    void load(id).then((blob) => {
      if (!live || !blob) return;
      created = URL.createObjectURL(blob);
      setUrl(created);
    });
    // Each object URL pins the whole file in memory until it is revoked.
    return () => {
      live = false;
      if (created) URL.revokeObjectURL(created);
    };
  }, [id, load]);

  return url ? (
    <img className="thumb" src={url} alt="" width={props.width} height={props.height} />
  ) : (
    <span className="thumb thumb-missing" aria-hidden="true" />
  );
}
