// Keyboard users must not be dropped on the page's body when a form closes:
// `ref` goes on the button that opened the form, and `returnFocus()` (called
// when the form closes) focuses that button once it is back on screen.
import { useEffect, useRef } from 'preact/hooks';

export function useFocusReturn<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const wanted = useRef(false);
  useEffect(() => {
    if (wanted.current && ref.current) {
      wanted.current = false;
      ref.current.focus();
    }
  });
  return { ref, returnFocus: () => void (wanted.current = true) };
}
