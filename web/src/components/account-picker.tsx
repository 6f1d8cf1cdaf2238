import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../api/accounts.js';

const accountStorageKey = 'returndesk.account';

/** The seller account the pages show: the one last picked in this browser, if the user still holds it, else the first. */
export function useAccountChoice(accounts: readonly Account[]): [Account | undefined, (id: number) => void] {
  const [chosen, setChosen] = useState(() => Number(localStorage.getItem(accountStorageKey)));
  const account = accounts.find((a) => a.id === chosen) ?? accounts[0];
  const choose = (id: number) => {
    localStorage.setItem(accountStorageKey, String(id));
    setChosen(id);
  };
  return [account, choose];
}

/** A picker when the user has several accounts; the account's name alone when there is one. */
export function AccountPicker({ accounts, current, onChoose }: { accounts: readonly Account[]; current: Account; onChoose: (id: number) => void }) {
  const { t } = useTranslation();
  const id = useId();
  if (accounts.length < 2) return <p className="account-name"><span className="visually-hidden">{t('app.account')}: </span>{current.name}</p>;
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('app.account')}</label>
      <select id={id} value={current.id} onChange={(event) => onChoose(Number(event.target.value))}>
        {accounts.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
    </div>
  );
}
