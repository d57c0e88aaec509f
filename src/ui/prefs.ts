// View preferences (hide done tasks, collapsed lists) remembered in the
// extension's storage.local, shared by the page panel, side panel and popup
// and kept in sync between them. Outside an extension (tests) they live in
// memory for the lifetime of the module, so remounting still remembers.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ext } from './ext';

const memory = new Map<string, unknown>();
const storageKey = (key: string) => `ui:${key}`;

export function usePref<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));

  useEffect(() => {
    const storage = ext()?.storage;
    if (!storage) return;
    let live = true;
    const name = storageKey(key);
    void storage.local.get(name).then((got) => {
      if (live && name in got) setValue(got[name] as T);
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && name in changes) setValue((changes[name]!.newValue ?? initial) as T);
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
      setValue(next);
      void ext()?.storage.local.set({ [storageKey(key)]: next });
    },
    [key],
  );
  return [value, set];
}
