// The PeerTube instances the extension is enabled on, each removable
// (which also gives the browser permission back).
import { t } from '../ui/i18n';

export function InstancesSection(props: { instances: string[]; onRemove: (origin: string) => void }) {
  return (
    <section aria-labelledby="opt-instances">
      <h2 id="opt-instances">{t('optionsInstances')}</h2>
      <p class="lct-hint">{t('optionsInstancesHint')}</p>
      {props.instances.length === 0 ? (
        <p>{t('optionsNoInstances')}</p>
      ) : (
        <ul class="lct-opt-list">
          {props.instances.map((origin) => (
            <li key={origin}>
              <span>{origin}</span>
              <button type="button" class="lct-btn" aria-label={t('removeInstance', origin)} onClick={() => props.onRemove(origin)}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
