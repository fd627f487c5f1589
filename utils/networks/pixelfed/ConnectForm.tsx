import { ServerConnectForm } from '@/components/ServerConnectForm';

/** Connects a Pixelfed account by its server's address and OAuth. */
export default function PixelfedConnectForm() {
  return (
    <ServerConnectForm
      network="pixelfed"
      description="Your Pixelfed server, such as pixelfed.social. Posts to Pixelfed need a photo."
      placeholder="pixelfed.social"
    />
  );
}
