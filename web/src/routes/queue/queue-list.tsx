import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../api/queue.js';
import { navigate } from '../../navigation.js';
import { QueueRow } from './queue-row.js';
import { useListKeyboard } from './use-list-keyboard.js';

/** Ticking rows for a bulk move: which are ticked, and how to tick one. Absent when the role may not move cases. */
export interface RowTicks {
  readonly ticked: ReadonlySet<number>;
  readonly toggle: (caseId: number) => void;
}

/** The page of cases, most urgent first, worked from the keyboard; open requests can be ticked for a bulk move. */
export function QueueList({ items, nowMs, ticks }: { items: readonly QueueItem[]; nowMs: number; ticks?: RowTicks }) {
  const { t } = useTranslation();
  const open = useCallback((index: number) => {
    const item = items[index];
    if (item) navigate(`/cases/${item.caseId}`);
  }, [items]);
  const tickable = (item: QueueItem | undefined): item is QueueItem => ticks !== undefined && item?.task === 'decide';
  const toggleAt = useCallback((index: number) => {
    const item = items[index];
    if (ticks && item?.task === 'decide') ticks.toggle(item.caseId);
  }, [items, ticks]);
  const keyboard = useListKeyboard(items.length, open, ticks ? toggleAt : undefined);
  return (
    <ol className={ticks ? 'queue-list is-tickable' : 'queue-list'} ref={keyboard.listRef} aria-label={t('queue.listLabel')}>
      {items.map((item, index) => (
        <li key={item.caseId}>
          {ticks && (tickable(item)
            ? <input type="checkbox" className="row-tick" checked={ticks.ticked.has(item.caseId)} onChange={() => ticks.toggle(item.caseId)} aria-label={t('queue.bulk.tick', { id: item.caseId })} />
            : <span className="row-tick" />)}
          <QueueRow
            item={item} nowMs={nowMs} selected={index === keyboard.selected} onFocus={() => keyboard.select(index)}
            ref={(element) => { keyboard.rowRefs.current[index] = element; }}
          />
        </li>
      ))}
    </ol>
  );
}
