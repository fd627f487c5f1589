import type { Account } from '@/utils/networks/types';

/** The account's picture, or its initial when there is none; decorative, the name is always next to it. */
export function AccountAvatar({ account, size = 24 }: { account: Account; size?: number }) {
  if (account.avatarUrl) {
    return <img className="avatar" src={account.avatarUrl} alt="" width={size} height={size} />;
  }
  return (
    <span
      className="avatar avatar-fallback"
      aria-hidden="true"
      style={{ width: size, height: size }}
    >
      {(account.displayName || account.handle).slice(0, 1).toUpperCase()}
    </span>
  );
}
