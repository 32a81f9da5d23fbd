import { describe, expect, it } from 'vitest';
import { formatPercent as percent, wholePercent } from '../ui/format';
import { deltaPoints, formatPoints, percentInputToRate, rateToPercentInput, suggestTarget } from './format';

describe('sprint number formatting', () => {
  it('floors percentages like the review does', () => {
    expect(percent(24 / 39)).toBe('61%');
    expect(percent(0.75)).toBe('75%');
    expect(percent(0.29)).toBe('29%');
    expect(percent(0.999)).toBe('99%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
    expect(wholePercent(0.57)).toBe(57);
    expect(wholePercent(undefined)).toBeNull();
  });

  it('counts the change in shown points', () => {
    expect(deltaPoints(24 / 39, 0)).toBe(61);
    expect(deltaPoints(0.7, 0.759)).toBe(-5);
    expect(deltaPoints(null, 0.5)).toBeNull();
    expect(formatPoints(61)).toBe('+61 points');
    expect(formatPoints(-1)).toBe('−1 point');
    expect(formatPoints(0)).toBe('±0 points');
  });

  it('turns the percentage input into a rate and back', () => {
    expect(percentInputToRate('75')).toBe(0.75);
    expect(percentInputToRate(' 82.5 % ')).toBe(0.825);
    expect(percentInputToRate('57')).toBe(0.57);
    expect(percentInputToRate('120')).toBe(1.2);
    expect(percentInputToRate('abc')).toBeNull();
    expect(percentInputToRate('')).toBeNull();
    expect(rateToPercentInput(0.75)).toBe('75');
    expect(rateToPercentInput(0.57)).toBe('57');
    expect(rateToPercentInput(0.825)).toBe('82.5');
  });
});

describe('suggestTarget', () => {
  it('steps up from what was really done, within 10 points of the target', () => {
    expect(suggestTarget(0.6153846153846154, 0.75)).toBe(0.65);
    expect(suggestTarget(0.8, 0.75)).toBe(0.85);
    expect(suggestTarget(1, 0.95)).toBe(1);
    expect(suggestTarget(0.99, 0.5)).toBe(0.6);
    expect(suggestTarget(0, 0.75)).toBe(0.5);
    expect(suggestTarget(null, 0.75)).toBe(0.75);
  });
});
