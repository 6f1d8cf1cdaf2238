import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReturnDetailResponse } from '../../api/cases.js';
import { useDispositionChoices, useRecordDisposition } from '../../api/warehouse.js';
import type { DispositionBody, DispositionChoices } from '../../api/warehouse.js';
import { ErrorNotice, Loading } from '../../components/state-notices.js';
import { formatMoney } from '../../format.js';
import { ChoiceField } from './choice-field.js';
import { noticeOfFailure } from '../case/case-notice.js';
import type { StepProps } from './step-props.js';
import { TableScroll } from '../../components/table-scroll.js';

type Option = DispositionChoices['result']['options'][number];

/** The route last recorded for the case, from its timeline (a `disposition` event's `route`). */
function recordedRoute(returnCase: ReturnDetailResponse): string | undefined {
  const event = returnCase.events.filter((e) => e.kind === 'disposition').at(-1);
  const route = (event?.data as { route?: unknown } | undefined)?.route;
  return typeof route === 'string' ? route : undefined;
}

/** Step 3: every route for the graded unit priced now, the best first chosen, and recording the one taken. */
export function DispositionPanel({ accountId, caseId, version, onNotice, returnCase, mayReceive }: StepProps & { returnCase: ReturnDetailResponse; mayReceive: boolean }) {
  const { t } = useTranslation();
  const choices = useDispositionChoices(accountId, caseId, version, true);
  const routed = recordedRoute(returnCase);
  return (
    <section className="unit-step" aria-labelledby="route-title">
      <h3 id="route-title">{t('receiving.route.title')}</h3>
      {routed !== undefined && <p className="notice notice-done">{t('receiving.route.done', { route: t(`receiving.route.name.${routed}`, { defaultValue: routed }) })}</p>}
      {choices.isPending && <Loading />}
      {choices.isError && <ErrorNotice error={choices.error} onRetry={() => void choices.refetch()} />}
      {choices.data && <RouteTable choices={choices.data} />}
      {choices.data && mayReceive && routed === undefined && <RouteForm accountId={accountId} caseId={caseId} version={version} onNotice={onNotice} choices={choices.data} />}
    </section>
  );
}

function RouteTable({ choices }: { choices: DispositionChoices }) {
  const { t } = useTranslation();
  const money = (minor: number) => formatMoney(minor, choices.result.currency, choices.marketplaceCode);
  const best = choices.result.recommended?.route;
  const options: readonly Option[] = choices.result.options;
  if (options.every((o) => !o.allowed)) return <p className="notice">{t('receiving.route.none')}</p>;
  return (
    <TableScroll label={t('receiving.route.caption')}>
      <table className="route-table">
        <caption>{t('receiving.route.caption')}</caption>
        <thead><tr><th scope="col">{t('receiving.route.route')}</th><th scope="col" className="number">{t('receiving.route.net')}</th><th scope="col">{t('receiving.route.verdict')}</th></tr></thead>
        <tbody>
          {options.map((o) => (
            <tr key={o.route} className={o.route === best ? 'is-best' : undefined} data-route={o.route}>
              <th scope="row">{t(`receiving.route.name.${o.route}`)}</th>
              <td className="number">{money(o.netRecoveryMinor)}</td>
              <td>{o.route === best ? <strong>{t('receiving.route.recommended')}</strong> : o.allowed ? t('receiving.route.allowed') : t('receiving.route.blockedBy', { rules: o.blockedBy.join(', ') })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RouteForm({ accountId, caseId, version, onNotice, choices }: Omit<StepProps, 'sheet'> & { choices: DispositionChoices }) {
  const { t } = useTranslation();
  const noteId = useId();
  const allowed = choices.result.options.filter((o) => o.allowed).map((o) => o.route);
  const [route, setRoute] = useState<string | undefined>(choices.result.recommended?.route);
  const [note, setNote] = useState('');
  const record = useRecordDisposition(accountId, caseId);
  if (allowed.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (route === undefined) return;
    // The options of an inspected unit are the seller's routes, which the body takes.
    const body = { route: route as DispositionBody['route'], ...(note.trim() === '' ? {} : { note: note.trim() }) };
    record.mutate({ body, version }, {
      onSuccess: (done) => onNotice({ kind: 'done', text: t('receiving.route.recorded', { route: t(`receiving.route.name.${done.route}`), version: done.version }) }),
      onError: (error) => onNotice(noticeOfFailure(error, t('case.actions.conflict'))),
    });
  };
  return (
    <form onSubmit={submit}>
      <ChoiceField name="route" legend={t('receiving.route.choose')} values={allowed} value={route} label={(r) => t(`receiving.route.name.${r}`)} onChange={setRoute} required />
      <label htmlFor={noteId}>{t('receiving.route.note')}</label>
      <textarea id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} rows={2} />
      <button type="submit" disabled={record.isPending || route === undefined}>{t('receiving.route.submit')}</button>
    </form>
  );
}
