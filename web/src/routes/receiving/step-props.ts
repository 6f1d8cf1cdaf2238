import { isApiError } from '../../api/client.js';
import type { InspectionSheetResponse } from '../../api/warehouse.js';
import type { CaseNoticeValue } from '../case/case-notice.js';

/** What every step of a unit gets: the case it changes, on which version, and where to say what happened. */
export interface StepProps {
  accountId: number;
  caseId: number;
  version: number;
  sheet: InspectionSheetResponse;
  onNotice: (notice: CaseNoticeValue) => void;
}

/** A refused change said the same way by every step: a 409 means the case moved on and was reloaded. */
export function refusal(error: unknown, conflictText: string): CaseNoticeValue {
  return isApiError(error, 'conflict') ?  { kind: 'conflict', text: conflictText } : { kind: 'error', error };
}
