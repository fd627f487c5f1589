import { describe, expect, it } from 'vitest';
import { newDraft } from '@/utils/compose/draft';
import { linkShareOf, shareVideoLink } from '@/utils/publish/share-video-link';
import type { PostJob } from '@/utils/publish/types';
import { draftStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';

const peertube = testAccount('peertube:tube.example:1', 'peertube');
const mastodon = testAccount('mastodon:social.example:1', 'mastodon');
const bluesky = testAccount('bluesky:did:plc:1', 'bluesky');
const job = {
  draftId: 'sent-draft',
  targets: [{ accountId: peertube.id }, { accountId: mastodon.id }],
} as unknown as PostJob;
const URL = 'https://tube.example/w/abc';
const share = { targetIds: [mastodon.id], sentDraftId: 'sent-draft' };

describe('sharing a PeerTube watch link', () => {
  it('offers it to the post’s accounts that do not hold the video, when there are no others', () => {
    expect(linkShareOf(job, [peertube, mastodon])).toEqual({
      targetIds: [mastodon.id],
      sentDraftId: 'sent-draft',
    });
  });

  it('offers it first to the accounts the post did not reach (a clip too long for Bluesky)', () => {
    expect(linkShareOf(job, [peertube, mastodon, bluesky]).targetIds).toEqual([bluesky.id]);
    const signedOut = { ...bluesky, state: 'reconnect' as const };
    expect(linkShareOf(job, [peertube, mastodon, signedOut]).targetIds).toEqual([mastodon.id]);
  });

  it('starts a new post with the link when nothing is being written', async () => {
    await shareVideoLink(URL, share);
    expect(await draftStorage.getValue()).toMatchObject({ text: URL, targetIds: [mastodon.id] });
  });

  it('starts a new post in place of the draft that was sent, which is on its way', async () => {
    const sent = { ...newDraft([peertube.id], 'en'), id: 'sent-draft', text: 'The clip' };
    await draftStorage.setValue(sent);
    await shareVideoLink(URL, share);
    const now = await draftStorage.getValue();
    expect(now).toMatchObject({ text: URL, targetIds: [mastodon.id] });
    expect(now?.id).not.toBe('sent-draft');
  });

  it('adds the link at the end of a post being written, never replacing it, and only once', async () => {
    await draftStorage.setValue({ ...newDraft([peertube.id], 'en'), text: 'Mine' });
    await shareVideoLink(URL, share);
    await shareVideoLink(URL, share);
    expect(await draftStorage.getValue()).toMatchObject({
      text: `Mine\n\n${URL}`,
      targetIds: [peertube.id],
    });
  });
});
