import { ServerConnectForm } from '@/components/ServerConnectForm';

/** Connects a Misskey account (or a fork's) by its server's address and MiAuth. */
export default function MisskeyConnectForm() {
  return (
    <ServerConnectForm
      network="misskey"
      description="Misskey and its forks: Sharkey, Firefish, Iceshrimp, Catodon… Type the server (misskey.io) or your handle (@me@misskey.io)."
      placeholder="misskey.io"
    />
  );
}
