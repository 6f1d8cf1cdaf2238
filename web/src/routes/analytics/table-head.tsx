import { useTranslation } from 'react-i18next';

/** A column: its heading's text key, and whether it holds numbers (right-aligned). */
export type Column = readonly [key: string, kind?: 'number'];

/** A table's header row from its columns' text keys, so each table states only what differs. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map(([key, kind]) => <th key={key} scope="col" className={kind}>{t(key)}</th>)}
      </tr>
    </thead>
  );
}
