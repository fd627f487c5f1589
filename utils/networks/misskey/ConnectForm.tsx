import { ServerConnectForm } from '@/components/ServerConnectForm';
import { t } from '@/utils/i18n/messages';

/** Connects a Misskey account (or a fork's) by its server's address and MiAuth. */
export default function MisskeyConnectForm() {
  return (
    <ServerConnectForm
      network="misskey"
      description={t('connect.misskeyDescription')}
      placeholder="misskey.io"
    />
  );
}
