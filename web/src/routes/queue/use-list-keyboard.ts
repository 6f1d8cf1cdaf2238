import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';

// Keyboard work on a list of links: j/k (anywhere but in a form field) and the arrow keys (inside the
// list) move the selection and focus with it; Enter opens the selected row; x ticks it for a bulk
// move. Focus is never taken from where the user put it until they press one of these keys.

function isTyping(target: EventTarget | null): boolean {
  // A tick box takes no text: j and k still move from one.
  if (target instanceof HTMLInputElement) return target.type !== 'checkbox' && target.type !== 'radio';
  return target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

function stepOf(key: string, inList: boolean): number {
  if (key === 'j' || (inList && key === 'ArrowDown')) return 1;
  if (key === 'k' || (inList && key === 'ArrowUp')) return -1;
  return 0;
}

export interface ListKeyboard {
  selected: number;
  select: (index: number) => void;
  listRef: RefObject<HTMLOListElement | null>;
  rowRefs: RefObject<(HTMLAnchorElement | null)[]>;
}

export function useListKeyboard(count: number, open: (index: number) => void, toggle?: (index: number) => void): ListKeyboard {
  const [selected, select] = useState(0);
  const listRef = useRef<HTMLOListElement | null>(null);
  const rowRefs = useRef<(HTMLAnchorElement | null)[]>([]);
  const current = Math.min(selected, Math.max(0, count - 1));
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (count === 0 || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const inList = listRef.current?.contains(event.target as Node) ?? false;
      if (event.key === 'x' && toggle) {
        event.preventDefault();
        toggle(current);
        return;
      }
      if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement || event.target instanceof HTMLInputElement)) {
        event.preventDefault();
        open(current);
        return;
      }
      const step = stepOf(event.key, inList);
      if (step === 0) return;
      event.preventDefault();
      // The first key from outside the list brings focus to the selected row rather than past it.
      const next = inList ? Math.min(count - 1, Math.max(0, current + step)) : current;
      select(next);
      rowRefs.current[next]?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, current, open, toggle]);
  return { selected: current, select, listRef, rowRefs };
}
