import { readFile } from 'node:fs/promises';
import { Option } from 'commander';
import type { Config } from '../config.js';
import { choiceItemValues } from '../domain/inspection/checklist.js';
import type { ChecklistItem } from '../domain/inspection/checklist.js';
import { DomainError } from '../domain/errors.js';
import type { EvidenceStoreConfig } from '../services/evidence-store.js';

// The checklist as command-line flags: one flag per item, in the words a warehouse person uses.
const flags: readonly { item: ChecklistItem; flag: string; key: keyof AnswerFlags; help: string }[] = [
  { item: 'unitPresent', flag: '--unit-present <yes|no>', key: 'unitPresent', help: 'is the unit in the parcel (no = empty box)' },
  { item: 'outerBox', flag: '--outer-box <state>', key: 'outerBox', help: `the shipping box: ${choiceItemValues.outerBox.join(', ')}` },
  { item: 'matchesListing', flag: '--listing <yes|no>', key: 'listing', help: 'is it the product listed (no = a different item)' },
  { item: 'identityMatches', flag: '--identity <yes|no>', key: 'identity', help: 'does the serial number or identity match what was shipped' },
  { item: 'retailPackaging', flag: '--packaging <state>', key: 'packaging', help: `the product's own packaging: ${choiceItemValues.retailPackaging.join(', ')}` },
  { item: 'seal', flag: '--seal <state>', key: 'seal', help: `factory seal or tamper tape: ${choiceItemValues.seal.join(', ')}` },
  { item: 'accessoriesMissing', flag: '--missing <accessories>', key: 'missing', help: 'accessories missing, separated by ";" (none: "")' },
  { item: 'signsOfUse', flag: '--use <level>', key: 'use', help: `signs of use: ${choiceItemValues.signsOfUse.join(', ')}` },
  { item: 'damage', flag: '--damage <level>', key: 'damage', help: `damage: ${choiceItemValues.damage.join(', ')}` },
  { item: 'functionTest', flag: '--function <result>', key: 'function', help: `function test: ${choiceItemValues.functionTest.join(', ')}` },
];

export interface AnswerFlags {
  unitPresent?: string; outerBox?: string; listing?: string; identity?: string; packaging?: string;
  seal?: string; missing?: string; use?: string; damage?: string; function?: string;
}

export function answerOptions(): Option[] {
  return flags.map(({ flag, help }) => new Option(flag, help));
}

async function answersFile(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DomainError('unreadable_file', `Cannot read the answers file ${path}: ${(error as Error).message}`, { file: path });
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Reported below with the file's name.
  }
  throw new DomainError('invalid_input', `${path} is not a JSON object of checklist answers, e.g. {"unitPresent": true, "damage": "none"}.`, { file: path });
}

/** The answers of the file (if any) with the flags given on top; the domain checks them. */
export async function answersFrom(file: string | undefined, options: AnswerFlags): Promise<Record<string, unknown>> {
  const answers = file === undefined ? {} : await answersFile(file);
  for (const { item, key } of flags) {
    const value = options[key];
    if (value !== undefined) answers[item] = value;
  }
  return answers;
}

/** `--evidence-dir`, overriding RETURNDESK_EVIDENCE_DIR. */
export function evidenceDirOption(config: Config): Option {
  return new Option('--evidence-dir <path>', 'where evidence files are stored').default(config.evidenceDirectory, 'RETURNDESK_EVIDENCE_DIR or ./data/evidence');
}

export function evidenceStoreOf(config: Config, directory: string): EvidenceStoreConfig {
  return { directory, maxPhotoBytes: config.maxPhotoBytes, maxVideoBytes: config.maxVideoBytes };
}
