import { describe, expect, it } from 'vitest';
import { newDraft } from '@/utils/compose/draft';
import { linkTargets, shareVideoLink } from '@/utils/publish/share-video-link';
import type { PostJob } from '@/utils/publish/types';
import { draftStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';

const peertube = testAccount('peertube:tube.example:1', 'peertube');
const mastodon = testAccount('mastodon:social.example:1', 'mastodon');
const job = {
  targets: [{ accountId: peertube.id }, { accountId: mastodon.id }],
} as unknown as PostJob;
const URL = 'https://tube.example/w/abc';

describe('sharing a PeerTube watch link', () => {
  it('offers it to the post’s accounts that do not hold the video', () => {
    expect(linkTargets(job, [peertube, mastodon])).toEqual([mastodon.id]);
  });

  it('starts a new post with the link when nothing is being written', async () => {
    await shareVideoLink(URL, [mastodon.id]);
    expect(await draftStorage.getValue()).toMatchObject({ text: URL, targetIds: [mastodon.id] });
  });

  it('adds the link at the end of a post being written, never replacing it, and only once', async () => {
    await draftStorage.setValue({ ...newDraft([peertube.id], 'en'), text: 'Mine' });
    await shareVideoLink(URL, [mastodon.id]);
    await shareVideoLink(URL, [mastodon.id]);
    expect(await draftStorage.getValue()).toMatchObject({
      text: `Mine\n\n${URL}`,
      targetIds: [peertube.id],
    });
  });
});
