import type { Draft } from '@/utils/compose/draft';
import { languageOptions } from '@/utils/compose/languages';
import { useComposer } from '@/utils/composer-store';
import type { Account, Visibility } from '@/utils/networks/types';

/** Mastodon's words for its visibilities, as its own composer shows them. */
export const VISIBILITY_NAMES: Record<Visibility, string> = {
  public: 'Public',
  unlisted: 'Quiet public (unlisted)',
  private: 'Followers only',
  direct: 'Mentioned people only',
};

/** Who sees the post on Mastodon, and which language it is in everywhere. */
export function PostSettings(props: {
  draft: Draft;
  mastodonAccounts: Account[];
  disabled: boolean;
}) {
  const { setVisibility, setLanguage } = useComposer();
  const defaults = [...new Set(props.mastodonAccounts.map((a) => a.defaultVisibility ?? 'public'))];
  const accountDefault =
    defaults.length === 1 && defaults[0]
      ? `Account default (${VISIBILITY_NAMES[defaults[0]]})`
      : 'Each account’s default';

  return (
    <div className="settings">
      {props.mastodonAccounts.length > 0 ? (
        <label className="field">
          <span>Mastodon visibility</span>
          <select
            value={props.draft.visibility ?? ''}
            disabled={props.disabled}
            onChange={(event) =>
              setVisibility((event.currentTarget.value || undefined) as Visibility | undefined)
            }
          >
            <option value="">{accountDefault}</option>
            {(Object.keys(VISIBILITY_NAMES) as Visibility[]).map((value) => (
              <option key={value} value={value}>
                {VISIBILITY_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>Language</span>
        <select
          value={props.draft.language}
          disabled={props.disabled}
          onChange={(event) => setLanguage(event.currentTarget.value)}
        >
          {languageOptions(props.draft.language).map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
