import { ServerConnectForm } from '@/components/ServerConnectForm';
import { t } from '@/utils/i18n/messages';

/** Connects Mastodon, or any server speaking its API, by address and OAuth. */
export default function MastodonConnectForm() {
  return (
    <ServerConnectForm
      network="mastodon"
      description={t('connect.mastodonDescription')}
      placeholder="mastodon.social"
    />
  );
}
