import { describe, expect, it } from 'vitest';
import { findLiteralText } from './jsx-literals';

const find = (source: string) => findLiteralText('x.tsx', source).map((item) => item.text);

describe('findLiteralText', () => {
  it('finds words written in JSX text, attributes people read, and our own label props', () => {
    expect(
      find(`export const A = () => (
        <div aria-label="Close">
          Hello
          <input placeholder={'Type here'} title={\`Hi \${name}\`} />
          <ConfirmAction label="Delete" busyLabel={busy ? 'Deleting…' : t('x')} />
          {busy ? 'Posting' : t('post')}
          {failed && 'Failed'}
        </div>
      );`),
    ).toEqual(['Close', 'Hello', 'Type here', 'Hi', 'Delete', 'Deleting…', 'Posting', 'Failed']);
  });

  it('lets t(), symbols, numbers and technical attributes through', () => {
    expect(
      find(`export const A = () => (
        <div className="row" role="status" aria-live="polite" lang="de">
          {t('a')} · {count} — 1/3
          <input type="text" autoComplete="off" dir="auto" aria-describedby="hint" />
          <input placeholder="mastodon.social" title="https://pds.example.com" />
          <input placeholder="xxxx-xxxx-xxxx-xxxx" />
          {state === 'done' && <b>{t('done')}</b>}
        </div>
      );`),
    ).toEqual([]);
  });
});
