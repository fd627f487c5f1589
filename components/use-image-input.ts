import { useState, type ClipboardEvent, type DragEvent } from 'react';
import { looksLikeVideo } from '@/utils/compose/video-file';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';

/**
 * Attaching from every place files arrive (picker, paste, drop), with the messages and progress
 * to show. Videos go to the clip, everything else to the images.
 */
export function useImageInput(disabled: boolean) {
  const addImages = useComposer((state) => state.addImages);
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(0);
  const [readingVideo, setReadingVideo] = useState(false);

  const addFiles = (files: File[]) => {
    const videos = files.filter(looksLikeVideo);
    const images = files.filter((file) => !looksLikeVideo(file));
    setPending((count) => count + 1);
    if (videos.length > 0) setReadingVideo(true);
    void (async () => {
      const found: string[] = [];
      if (videos[0]) {
        // One clip per post: the first is attached, the others are named.
        if (videos.length > 1) found.push(t('video.onlyOne'));
        // The video's code loads with the first clip, not with the popup.
        const { addVideo } = await import('@/utils/compose/video-actions');
        const error = await addVideo(videos[0]);
        if (error) found.push(error);
      }
      if (images.length > 0) found.push(...(await addImages(images)));
      setErrors(found);
    })().finally(() => {
      setPending((count) => count - 1);
      setReadingVideo(false);
    });
  };
  const onPaste = (event: ClipboardEvent) => {
    const data = event.clipboardData;
    // With plain text too (cells copied from a spreadsheet carry a picture), the text wins.
    if (disabled || data.files.length === 0 || data.types.includes('text/plain')) return;
    event.preventDefault();
    addFiles([...data.files]);
  };
  // Only drags that carry files are caught, so dragged text still drops into the text.
  const carriesFiles = (event: DragEvent) =>
    !disabled && event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    addFiles([...event.dataTransfer.files]);
  };

  return { adding: pending > 0, readingVideo, errors, addFiles, onPaste, onDragOver, onDrop };
}
