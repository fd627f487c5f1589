import { useEffect, useState, type FormEvent } from 'react';
import { t } from '@/utils/i18n/messages';
import { sendMessage } from '@/utils/messaging';
import { relaysFromText } from './relay-text';

/** The relays asked for a user's relay list when an account is connected (advanced). */
export function LookupRelaysForm() {
  const [text, setText] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void sendMessage('nostr.lookupRelays', {}).then((relays) => setText(relays.join('\n')));
  }, []);
  if (text === null) return null;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const inUse = await sendMessage('nostr.lookupRelays', { relays: relaysFromText(text) });
    setText(inUse.join('\n'));
    setSaved(t('nostrUi.lookupSaved'));
  };
  return (
    <details className="advanced">
      <summary>{t('nostrUi.lookupSummary')}</summary>
      <form onSubmit={(event) => void submit(event)} aria-label={t('nostrUi.lookupSummary')}>
        <p className="muted">{t('nostrUi.lookupExplain')}</p>
        <label htmlFor="nostr-lookup-relays">{t('nostrUi.lookupRelays')}</label>
        <textarea
          id="nostr-lookup-relays"
          rows={4}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <button type="submit">{t('nostrUi.lookupSave')}</button>
        {saved ? <p role="status">{saved}</p> : null}
      </form>
    </details>
  );
}
