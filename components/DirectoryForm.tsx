import { useEffect, useState, type FormEvent } from 'react';
import { normalizeServerUrl } from '@/utils/auth/server-url';
import { serializeError, type SerializedError } from '@/utils/errors';
import { DEFAULT_DIRECTORY, directoryStorage, type DirectorySettings } from '@/utils/storage';
import { ErrorMessage } from './ErrorMessage';
import { t } from '@/utils/i18n/messages';

/** Where Bluesky handles and DIDs are looked up, for networks other than the public one. */
export function DirectoryForm() {
  const [values, setValues] = useState<DirectorySettings | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    void directoryStorage.getValue().then(setValues);
  }, []);
  if (!values) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved('');
    try {
      const next = {
        handleResolver: normalizeServerUrl(values.handleResolver, 'handle resolver'),
        plcDirectory: normalizeServerUrl(values.plcDirectory, 'PLC directory'),
      };
      await directoryStorage.setValue(next);
      setValues(next);
      setSaved(t('directory.saved'));
    } catch (thrown) {
      setError(serializeError(thrown));
    }
  };

  return (
    <details className="advanced">
      <summary>{t('directory.summary')}</summary>
      <form onSubmit={(event) => void submit(event)} aria-label={t('directory.formLabel')}>
        <p className="muted">{t('directory.explain')}</p>
        <label htmlFor="handle-resolver">{t('directory.handleResolver')}</label>
        <input
          id="handle-resolver"
          type="text"
          dir="ltr"
          value={values.handleResolver}
          onChange={(event) => setValues({ ...values, handleResolver: event.currentTarget.value })}
        />
        <label htmlFor="plc-directory">{t('directory.plcDirectory')}</label>
        <input
          id="plc-directory"
          type="text"
          dir="ltr"
          value={values.plcDirectory}
          onChange={(event) => setValues({ ...values, plcDirectory: event.currentTarget.value })}
        />
        <div className="actions">
          <button type="button" onClick={() => setValues(DEFAULT_DIRECTORY)}>
            {t('directory.useDefaults')}
          </button>
          <button type="submit" className="primary">
            {t('directory.save')}
          </button>
        </div>
        <ErrorMessage error={error} />
        {saved ? <p role="status">{saved}</p> : null}
      </form>
    </details>
  );
}
