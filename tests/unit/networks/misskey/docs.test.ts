import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { misskeyInfo } from '@/utils/networks/misskey/info';
import { MISSKEY_DEFAULT_LIMITS } from '@/utils/networks/misskey/defaults';
import { MIAUTH_PERMISSIONS } from '@/utils/networks/misskey/miauth';
import { DEFAULT_MAX_CW, countingFor } from '@/utils/networks/misskey/text';

// The README and docs/networks.md promise people what Misskey accounts do; these checks keep the
// promises tied to the constants the code uses, so a changed limit cannot leave the docs behind.

const read = (path: string) => readFileSync(path, 'utf8').replace(/\s+/g, ' ');
const readme = read('README.md');
const networks = read('docs/networks.md');
const misskeySection = networks.slice(networks.indexOf('## Misskey'));

/** Says which promise is missing, rather than printing the whole document. */
function expectSays(doc: string, promise: string | RegExp) {
  const found = typeof promise === 'string' ? doc.includes(promise) : promise.test(doc);
  expect(found, `the document should say: ${String(promise)}`).toBe(true);
}

describe('the README on Misskey', () => {
  it('says Misskey and its forks are supported, signed in with MiAuth and its permissions', () => {
    expectSays(readme, /Misskey \(and its forks: Sharkey/);
    expectSays(readme, '**MiAuth**');
    expectSays(readme, `\`${MIAUTH_PERMISSIONS.join(' ')}\``);
  });

  it('states the counting each server uses, as the counter chooses it', () => {
    expect(countingFor('misskey')).toBe('code-points');
    expect(countingFor('sharkey')).toBe('utf16');
    expectSays(
      readme,
      /Misskey, Firefish, Iceshrimp and CherryPick check lengths in \*\*code points\*\*/,
    );
    expectSays(
      readme,
      /Sharkey compares `text.length`, so there Crosswind counts \*\*UTF-16 units\*\*/,
    );
    expectSays(readme, `3000 on Misskey`);
    expect(MISSKEY_DEFAULT_LIMITS.maxCharacters).toBe(3000);
  });

  it('gives the content warning and alt text limits the code enforces', () => {
    expectSays(readme, `**Content warning** (\`cw\`) up to ${DEFAULT_MAX_CW} characters`);
    expectSays(readme, `up to ${MISSKEY_DEFAULT_LIMITS.altTextLimit} characters`);
  });

  it('maps every visibility the composer offers, and explains retries and a send still under way', () => {
    expect(misskeyInfo.capabilities.visibilities).toEqual([
      'public',
      'unlisted',
      'private',
      'direct',
    ]);
    expectSays(
      readme,
      'Public → `public`, Unlisted → `home`, Followers only → `followers`, Mentioned people only → `specified`',
    );
    expect(misskeyInfo.capabilities.idempotency).toBe('lookup-before-retry');
    expectSays(readme, 'Misskey has no idempotency key');
    expectSays(readme, /records in the job when it sends each\s+note, before it sends it/);
    expectSays(readme, /while\s+that send may still be under way/);
    expectSays(misskeySection, /\*\*A send still under way\.\*\*/);
    expectSays(readme, '(`replyId`)');
  });
});

describe('docs/networks.md on Misskey', () => {
  it('has a section with its sources, limits and why scheduling stays with Crosswind', () => {
    expectSays(misskeySection, /^## Misskey \(`utils\/networks\/misskey\/`\)/);
    expectSays(misskeySection, 'Sources: misskey-dev/misskey');
    expectSays(misskeySection, `\`cw\` ≤ ${DEFAULT_MAX_CW}`);
    expectSays(misskeySection, `\`comment\` ≤ ${MISSKEY_DEFAULT_LIMITS.altTextLimit}`);
    expect(misskeyInfo.capabilities.serverScheduling).toBeNull();
    expectSays(misskeySection, '**Why Crosswind schedules Misskey posts itself.**');
  });
});
