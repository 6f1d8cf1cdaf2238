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
