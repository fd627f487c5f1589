import type { PartCheckpoint } from '../networks/checkpoint';
import type { NoteRecord } from '../networks/nostr/types';
import type { PostJob } from '../publish/types';

/**
 * A part as versions before `PartJob.checkpoint` held one kind stored it: Nostr's signed event and
 * relay answers in `note`, Threads' container id as a bare string in `checkpoint`.
 */
interface StoredPart {
  checkpoint?: PartCheckpoint | string;
  note?: NoteRecord;
}

/**
 * Reads a job as stored, whichever version wrote it: older parts' checkpoints are moved to the
 * shape of today (in place; the job is a fresh copy from IndexedDB). An unfinished Nostr or
 * Threads post recorded before the change still resends its event or asks about its container.
 */
export function upgradeStoredJob(job: PostJob): PostJob {
  for (const target of job.targets) {
    for (const part of target.parts as StoredPart[]) {
      if (typeof part.checkpoint === 'string') {
        part.checkpoint = { network: 'threads', containerId: part.checkpoint };
      } else if (part.note && !part.checkpoint) {
        part.checkpoint = { network: 'nostr', note: part.note };
      }
      delete part.note;
    }
  }
  return job;
}
