import type { Account } from '@/utils/networks/types';

/**
 * The account's picture, or its initial when there is none; decorative, the name is always next to
 * it. Loaded lazily: an eager picture is requested while React builds the page, which cost the
 * popup's first frame about 2 ms per account in a trace; a lazy one is requested once the frame is
 * laid out, and the place it takes is fixed by its size either way.
 */
export function AccountAvatar({ account, size = 24 }: { account: Account; size?: number }) {
  if (account.avatarUrl) {
    return (
      <img
        className="avatar"
        src={account.avatarUrl}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
      />
    );
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
