// The link to the guide, for the popup and the options page. A real link
// (read as a link, opens with a middle click too); a plain click opens the
// guide with tabs.create, which gives a normal tab of the current window
// from the toolbar popup in both browsers, whatever each does with a
// popup's target="_blank".
import { ext } from '../ext';
import { t } from '../ui/i18n';

/** Where the build puts the guide (vite.config.ts lists it as an input). */
export const HELP_PAGE = 'src/help/index.html';

export function HelpLink({ class: className }: { class?: string }) {
  const api = ext();
  const url = api ? api.runtime.getURL(HELP_PAGE) : `/${HELP_PAGE}`;
  return (
    <a
      class={className}
      href={url}
      target="_blank"
      rel="noopener"
      data-testid="help-link"
      onClick={(e) => {
        if (!api || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        void api.tabs.create({ url });
      }}
    >
      {t('helpLink')}
    </a>
  );
}
