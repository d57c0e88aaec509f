// The connection state as a coloured dot, named for screen readers and in
// its tooltip. `label` wraps the state's name (e.g. "Connection: $1").
import type { SessionStatus } from '../core/types';
import { t } from './i18n';

export function ConnectionStatus(props: { status: SessionStatus; label?: (state: string) => string }) {
  const state = t(`status_${props.status}`);
  const text = props.label ? props.label(state) : state;
  return (
    <span class={`lct-status lct-status-${props.status}`} title={text}>
      <span class="lct-sr">{text}</span>
    </span>
  );
}
