import { describe, expect, it } from 'vitest';
import { checkpointFor, memorySlot } from '@/utils/networks/checkpoint';
import { readJob } from '@/utils/outbox/read';
import { getJob, insertJob, updateTarget } from '@/utils/publish/job-store';
import type { PostJob } from '@/utils/publish/types';
import { storedJobs } from '../outbox-fixtures';

const signed = {
  id: 'e1',
  pubkey: 'p1',
  sig: 's1',
  kind: 1,
  content: 'hi',
  tags: [],
  created_at: 1,
};

/** A post as versions before `PartJob.checkpoint` stored it: Nostr's `note`, Threads' bare id. */
function legacyJob(): PostJob {
  const legacy = {
    id: 'old',
    draftId: 'old',
    createdAt: 0,
    summary: 'hi',
    targets: [
      {
        accountId: 'n1',
        status: 'posting',
        content: { parts: ['hi'] },
        parts: [{ idempotencyKey: 'k1', note: { event: signed } }],
        attempts: 1,
        updatedAt: 0,
      },
      {
        accountId: 't1',
        status: 'waiting',
        content: { parts: ['hi', 'there'] },
        parts: [
          { idempotencyKey: 'k2', result: { id: 'p', url: 'https://t.example/p' } },
          { idempotencyKey: 'k3', checkpoint: '17890' },
        ],
        attempts: 1,
        updatedAt: 0,
      },
    ],
  };
  return legacy as unknown as PostJob;
}

describe('checkpoints stored by earlier versions', () => {
  it('are read in today’s shape, by the background and by pages', async () => {
    await insertJob(legacyJob());
    for (const job of [await getJob('old'), await readJob('old')]) {
      expect(job?.targets[0]?.parts[0]).toEqual({
        idempotencyKey: 'k1',
        checkpoint: { network: 'nostr', note: { event: signed } },
      });
      expect(job?.targets[1]?.parts[1]).toEqual({
        idempotencyKey: 'k3',
        checkpoint: { network: 'threads', containerId: '17890' },
      });
    }
  });

  it('are written back in today’s shape by the next change', async () => {
    await insertJob(legacyJob());
    await updateTarget('old', 'n1', (target) => {
      target.status = 'done';
    });
    const [stored] = await storedJobs();
    expect(stored?.targets[0]?.parts[0]).not.toHaveProperty('note');
    expect(stored?.targets[0]?.parts[0]?.checkpoint).toEqual({
      network: 'nostr',
      note: { event: signed },
    });
  });
});

describe('a checkpoint slot', () => {
  it('hands an adapter only its own network’s checkpoint', async () => {
    const slot = memorySlot({ network: 'threads', containerId: 'c1' });
    expect(checkpointFor(slot, 'threads')).toEqual({ network: 'threads', containerId: 'c1' });
    expect(checkpointFor(slot, 'misskey')).toBeUndefined();
    expect(checkpointFor(undefined, 'threads')).toBeUndefined();
    await slot.save({ network: 'misskey', firstSentAt: 1, lastSentAt: 2 });
    expect(checkpointFor(slot, 'misskey')?.lastSentAt).toBe(2);
  });
});
