import { describe, expect, it } from 'vitest';
import { removalGradeOdds } from './grade-odds.js';

describe('removalGradeOdds', () => {
  it('keeps the unsellable share in the kind Amazon named and maps the rest grade by grade', () => {
    const priors = { new: 0.1, good: 0.3, unsellable: 0.6 };
    expect(removalGradeOdds(priors, 'DEFECTIVE')).toEqual({ new: 0.1, used_good: 0.3, unsellable_defective: 0.6 });
    expect(removalGradeOdds(priors, 'CUSTOMER_DAMAGED')).toEqual({ new: 0.1, used_good: 0.3, unsellable_damaged: 0.6 });
  });

  it('leaves out grades with no chance', () => {
    expect(removalGradeOdds({ like_new: 1, acceptable: 0 }, 'DAMAGED')).toEqual({ used_like_new: 1 });
  });
});
