import { useState, type ClipboardEvent, type DragEvent } from 'react';
import { useComposer } from '@/utils/composer-store';

/** Attaching from every place files arrive (picker, paste, drop), with the messages and progress to show. */
export function useImageInput(disabled: boolean) {
  const addImages = useComposer((state) => state.addImages);
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState(0);

  const addFiles = (files: File[]) => {
    setPending((count) => count + 1);
    void addImages(files)
      .then(setErrors)
      .finally(() => setPending((count) => count - 1));
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

  return { adding: pending > 0, errors, addFiles, onPaste, onDragOver, onDrop };
}
