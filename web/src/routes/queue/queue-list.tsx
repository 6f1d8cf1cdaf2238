import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../api/queue.js';
import { navigate } from '../../navigation.js';
import { QueueRow } from './queue-row.js';
import { useListKeyboard } from './use-list-keyboard.js';

/** The page of cases, most urgent first, worked from the keyboard. */
export function QueueList({ items, nowMs }: { items: readonly QueueItem[]; nowMs: number }) {
  const { t } = useTranslation();
  const open = useCallback((index: number) => {
    const item = items[index];
    if (item) navigate(`/cases/${item.caseId}`);
  }, [items]);
  const keyboard = useListKeyboard(items.length, open);
  return (
    <ol className="queue-list" ref={keyboard.listRef} aria-label={t('queue.listLabel')}>
      {items.map((item, index) => (
        <li key={item.caseId}>
          <QueueRow
            item={item} nowMs={nowMs} selected={index === keyboard.selected} onFocus={() => keyboard.select(index)}
            ref={(element) => { keyboard.rowRefs.current[index] = element; }}
          />
        </li>
      ))}
    </ol>
  );
}
