/** The built-in field kinds, registered; import kinds from here (the registry is filled on first import). */
import { amountKind } from './amount';
import { benefitIndicatorsKind } from './benefitIndicators';
import { choiceKind } from './choice';
import { comparatorKind } from './comparator';
import { dateKind } from './date';
import { multilineKind } from './multiline';
import { outputIndicatorsKind } from './outputIndicators';
import { percentKind } from './percent';
import { phoneKind } from './phone';
import { registerKind } from './registry';
import { scoreKind } from './score';
import { textKind } from './text';
import { ticksKind } from './ticks';
import { unitKind } from './unit';
import { yearKind } from './year';

export type { FieldKindModule, KindDecl, KindRead, ListedIndicator, ReadProblem } from './types';
export { defineKind, halfDigits, halfWidth } from './types';
export { isKnownKind, kindForLabel, kindNames, kindOf, proposableKinds, registerKind } from './registry';
export { isTicked, TICK } from './ticks';

export const BUILTIN_KINDS = [
  textKind,
  multilineKind,
  amountKind,
  yearKind,
  dateKind,
  phoneKind,
  choiceKind,
  outputIndicatorsKind,
  benefitIndicatorsKind,
  comparatorKind,
  unitKind,
  scoreKind,
  percentKind,
  ticksKind,
] as const;

for (const k of BUILTIN_KINDS) registerKind(k);
