import { t } from '@/utils/i18n/messages';

/**
 * The description of an attached image or video (its alt text), with its count against the
 * network's limit: the count is the field's description, and says by how much a long one is over.
 */
export function DescriptionField(props: {
  /** The textarea's id, which the composer focuses when a description is missing or too long. */
  id: string;
  /** The count's id. */
  countId: string;
  label: string;
  placeholder: string;
  value: string;
  /** The description's length as the network counts it. */
  length: number;
  limit: number;
  disabled?: boolean;
  onChange(value: string): void;
}) {
  const { length, limit } = props;
  const over = length > limit;
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <textarea
        id={props.id}
        className="alt-text"
        rows={2}
        value={props.value}
        placeholder={props.placeholder}
        dir="auto"
        readOnly={props.disabled}
        aria-describedby={props.countId}
        aria-invalid={over || undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      />
      <span className={`alt-count${over ? ' over' : ''}`} id={props.countId}>
        {over
          ? t('images.altOver', { length, limit, over: length - limit })
          : `${length} / ${limit}`}
      </span>
    </>
  );
}
