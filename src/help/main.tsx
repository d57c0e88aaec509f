import { render } from 'preact';
import { ext } from '../ext';
import { t, uiDir, uiLang } from '../ui/i18n';
import { injectStyles } from '../ui/styles';
import { guideFacts, type ManifestFacts } from './facts';
import { Guide } from './Guide';

async function main() {
  const api = ext()!;
  const commands = await api.commands?.getAll().catch(() => undefined);
  document.documentElement.lang = uiLang();
  document.documentElement.dir = uiDir();
  document.title = t('helpTitle');
  injectStyles(document);
  render(<Guide facts={guideFacts(api.runtime.getManifest() as ManifestFacts, commands)} />, document.getElementById('app')!);
}
void main();
