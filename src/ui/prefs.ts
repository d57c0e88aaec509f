// View preferences (hide done tasks, collapsed lists) remembered in the
// extension's storage.local, shared by the page panel, side panel and popup
// and kept in sync between them. Outside an extension (tests) they live in
// memory for the lifetime of the module, so remounting still remembers.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ext } from '../ext';

const memory = new Map<string, unknown>();
const storageKey = (key: string) => `ui:${key}`;

export function usePref<T>(key: string, initial: T): [T, (value: T) => void] {
  const remembered = (): T => (memory.has(key) ? (memory.get(key) as T) : initial);
  // the value belongs to its key: when the key changes (another room), the old value must not show
  const [entry, setEntry] = useState(() => ({ key, value: remembered() }));
  const value = entry.key === key ? entry.value : remembered();

  useEffect(() => {
    const storage = ext()?.storage;
    if (!storage) return;
    let live = true;
    const name = storageKey(key);
    void storage.local.get(name).then((got) => {
      if (live && name in got) setEntry({ key, value: got[name] as T });
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && name in changes) setEntry({ key, value: (changes[name]!.newValue ?? initial) as T });
    };
    storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      storage.onChanged.removeListener(onChanged);
    };
  }, [key]);

  const set = useCallback(
    (next: T) => {
      memory.set(key, next);
      setEntry({ key, value: next });
      void ext()?.storage.local.set({ [storageKey(key)]: next });
    },
    [key],
  );
  return [value, set];
}
