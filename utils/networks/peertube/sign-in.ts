import { normalizeServerUrl } from '@/utils/auth/server-url';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { hostOf } from '../host';
import type { Account, ConnectFields } from '../types';
import { readAcceptedTypes, readMe, snapshotOf } from './account';
import { PeerTubeApi } from './client';
import { sessionFrom, sessions } from './session';
import { saveSettings, settingsOf } from './settings';

/**
 * Signs in with the password grant, the only one PeerTube offers other apps: the instance's
 * local client, then the token. The password goes to the server once and is never kept; the
 * two-factor code, when PeerTube asks for it, comes in a second try with `otp`.
 */
export async function connectPeerTube(fields: ConnectFields): Promise<Account> {
  const origin = normalizeServerUrl(fields.server ?? '', 'PeerTube server');
  const username = (fields.username ?? '').trim().replace(/^@/, '').replace(/@.*$/, '');
  const password = fields.password ?? '';
  if (!username || !password)
    throw new CrosswindError('validation', words('peertube.needCredentials'));
  const api = new PeerTubeApi(origin);
  const client = await api.localClient();
  const answer = await api.requestToken(
    {
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_type: 'password',
      username,
      password,
    },
    fields.otp?.trim() || undefined,
  );
  const session = sessionFrom(client, answer);
  const signedIn = new PeerTubeApi(origin, {
    token: async () => session.accessToken,
    refresh: async () => session.accessToken,
  });
  const [me, types, categories] = await Promise.all([
    readMe(signedIn),
    readAcceptedTypes(signedIn),
    signedIn.json('/api/v1/videos/categories') as Promise<Record<string, string>>,
  ]);
  if (me.channels.length === 0)
    throw new CrosswindError('validation', words('peertube.noChannel', { host: hostOf(origin) }));
  const id = `peertube:${hostOf(origin)}:${me.id}`;
  await sessions.save(id, origin, session);
  const previous = await settingsOf(id);
  const kept = previous && me.channels.some((channel) => channel.id === previous.channelId);
  await saveSettings(id, {
    channels: me.channels,
    channelId: kept ? previous.channelId : me.channels[0]!.id,
    categories: typeof categories === 'object' && categories !== null ? categories : {},
    ...(kept && previous.category !== undefined && { category: previous.category }),
  });
  const now = Date.now();
  return {
    id,
    network: 'peertube',
    server: origin,
    remoteId: String(me.id),
    ...snapshotOf(origin, me, types),
    software: { name: 'peertube' },
    state: 'connected',
    connectedAt: now,
    limitsCheckedAt: now,
  };
}
