// The moderator's guide: what the extension does, how to enable it on an
// instance, its keyboard shortcuts, and why it asks for each permission.
// Every sentence comes from _locales; nothing here is HTML from a message.
import type { ComponentChildren } from 'preact';
import { t, uiDir, uiLang } from '../ui/i18n';
import { HOSTS, type GuideFacts } from './facts';
import { Keys } from './Keys';

/** Shown where the real button shows an instance's name. */
const SOME_INSTANCE = '…';

/** The keys the task panel's handlers take (src/ui, src/content), with what they do. */
const PANEL_KEYS: { alternatives: string[]; does: string }[] = [
  { alternatives: ['/'], does: 'helpKeySearch' },
  { alternatives: ['Alt+Up', 'Alt+Down'], does: 'helpKeyMove' },
  { alternatives: ['Ctrl+Z'], does: 'helpKeyUndo' },
  { alternatives: ['Enter'], does: 'helpKeySubmit' },
  { alternatives: ['Ctrl+Enter'], does: 'helpKeySaveDescription' },
  { alternatives: ['Esc'], does: 'helpKeyEscape' },
  { alternatives: ['Up', 'Down'], does: 'helpKeyResize' },
];

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function permissionName(permission: string) {
  return permission === HOSTS ? t('helpPermHosts') : <code>{permission}</code>;
}

/** Messages that name another control take its label, so the two never disagree. */
function permissionText(permission: string) {
  return permission === 'contextMenus' ? t('helpPerm_contextMenus', t('menuAddAsTask')) : t(`helpPerm_${permission}`);
}

export function Guide({ facts }: { facts: GuideFacts }) {
  const sections = [
    { id: 'what', title: t('helpWhatTitle') },
    { id: 'enable', title: t('helpEnableTitle') },
    { id: 'keys', title: t('helpKeysTitle') },
    { id: 'permissions', title: t('helpPermsTitle') },
  ];
  const shortcut = facts.quickAddShortcut;
  return (
    <main class="lct-root lct-help" lang={uiLang()} dir={uiDir()}>
      <h1>{t('helpTitle')}</h1>
      <nav aria-label={t('helpContents')}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <Section {...sections[0]!}>
        <p>{t('helpWhatIntro')}</p>
        <ul>
          <li>{t('helpWherePanel')}</li>
          <li>{t('helpWherePopup')}</li>
          <li>{t('helpWhereSidePanel')}</li>
          <li>{t('helpWhereChat', t('menuAddAsTask'))}</li>
        </ul>
        <p>{t('helpWho')}</p>
      </Section>

      <Section {...sections[1]!}>
        <p>{t('helpEnableIntro')}</p>
        <ol>
          <li>{t('helpEnableStep1')}</li>
          <li>{t('helpEnableStep2', t('enableOn', SOME_INSTANCE))}</li>
          <li>{t('helpEnableStep3')}</li>
          <li>{t('helpEnableStep4')}</li>
        </ol>
        <p>{t('helpEnableNoPanel')}</p>
        <p>{t('helpEnableStop', t('disableOn', SOME_INSTANCE))}</p>
        <p>{t('helpEnableAccounts')}</p>
      </Section>

      <Section {...sections[2]!}>
        <p>{t('helpKeysIntro')}</p>
        <dl class="lct-help-keys">
          <dt>{shortcut ? <Keys alternatives={[shortcut]} /> : t('commandQuickAdd')}</dt>
          <dd>
            {t(shortcut ? 'helpKeyQuickAdd' : 'helpKeyQuickAddUnset')} {t('helpKeyQuickAddChange')}
          </dd>
          {PANEL_KEYS.map((k) => [
            <dt key={`${k.does}-keys`}>
              <Keys alternatives={k.alternatives} />
            </dt>,
            <dd key={k.does}>{t(k.does)}</dd>,
          ])}
        </dl>
      </Section>

      <Section {...sections[3]!}>
        <p>{t('helpPermsIntro')}</p>
        <dl class="lct-help-perms">
          {facts.permissions.map((p) => [<dt key={`${p}-name`}>{permissionName(p)}</dt>, <dd key={p}>{permissionText(p)}</dd>])}
        </dl>
        <p>{t('helpPermsPrivacy')}</p>
      </Section>
    </main>
  );
}
