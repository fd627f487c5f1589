import { ServerConnectForm } from '@/components/ServerConnectForm';
import { t } from '@/utils/i18n/messages';

/** Connects a Pixelfed account by its server's address and OAuth. */
export default function PixelfedConnectForm() {
  return (
    <ServerConnectForm
      network="pixelfed"
      description={t('connect.pixelfedDescription')}
      placeholder="pixelfed.social"
    />
  );
}
