import { ServerConnectForm } from '@/components/ServerConnectForm';

/** Connects Mastodon, or any server speaking its API, by address and OAuth. */
export default function MastodonConnectForm() {
  return (
    <ServerConnectForm
      network="mastodon"
      description="Any server that speaks the Mastodon API: Mastodon, GoToSocial, Akkoma, Pleroma, Hollo, Friendica, Pixelfed…"
      placeholder="mastodon.social"
    />
  );
}
