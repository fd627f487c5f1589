import { t } from '@/utils/i18n/messages';
import type { VideoTransfer } from '@/utils/networks/types';

/** How far a clip has come, in percent: bytes while uploading, the server's figure while processing. */
export function transferPercent(transfer: VideoTransfer): number | undefined {
  if (transfer.stage === 'processing') return transfer.processingPercent;
  if (transfer.totalBytes <= 0) return undefined;
  return Math.min(100, Math.floor((transfer.sentBytes / transfer.totalBytes) * 100));
}

/**
 * A clip's way to one account in words: "Uploading the video: 40%", "PeerTube is processing the
 * video…" (the server, where the network is not known). A server that does not say how far it
 * is gets no made-up number.
 */
export function videoProgressText(transfer: VideoTransfer, network?: string): string {
  const percent = transferPercent(transfer);
  if (transfer.stage === 'processing') {
    if (network) {
      return percent === undefined
        ? t('video.processingOn', { network })
        : t('video.processingOnPercent', { network, percent });
    }
    return percent === undefined
      ? t('video.processing')
      : t('video.processingPercent', { percent });
  }
  // Uploads that cannot count bytes (one request) report none until the server has them all.
  return percent === undefined || transfer.sentBytes === 0
    ? t('video.uploading')
    : t('video.uploadingPercent', { percent });
}
