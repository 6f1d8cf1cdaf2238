import type { InspectionFacts } from './inspection-rules.js';
import { booleanItems, checklistItems, choiceItemValues, unremarkableAnswers } from './checklist.js';
import type { ChoiceItem } from './checklist.js';

function isChoiceItem(item: string): item is ChoiceItem {
  return item in choiceItemValues;
}

/**
 * What the inspection noted, as `item:answer` ids in checklist order: every answer other than the
 * item's unremarkable one (`outerBox:damaged`, `identityMatches:false`, `accessoriesMissing:charger`).
 * Findings are recorded whatever the grade: a damaged outer box on an empty parcel is claim evidence.
 */
export function findingsOf(facts: InspectionFacts): string[] {
  const findings: string[] = [];
  for (const item of checklistItems) {
    if (item === 'accessoriesMissing') {
      findings.push(...facts.accessoriesMissing.map((name) => `accessoriesMissing:${name}`));
    } else if ((booleanItems as readonly string[]).includes(item)) {
      if (facts[item] === false) findings.push(`${item}:false`);
    } else if (isChoiceItem(item)) {
      const answer = facts[item];
      if (answer !== undefined && !(unremarkableAnswers[item] as readonly string[]).includes(answer)) findings.push(`${item}:${answer}`);
    }
  }
  return findings;
}
