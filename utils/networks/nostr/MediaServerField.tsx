import { t } from '@/utils/i18n/messages';

/** The optional Blossom server for images, when the user's relays have no list of them. */
export function MediaServerField(props: {
  id: string;
  value: string;
  onChange(next: string): void;
}) {
  return (
    <>
      <label htmlFor={props.id}>{t('nostrUi.mediaServerOptional')}</label>
      <input
        id={props.id}
        type="text"
        inputMode="url"
        placeholder="https://blossom.example.com"
        value={props.value}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
    </>
  );
}
