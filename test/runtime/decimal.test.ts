import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  SCALE, decFromString, decFromNumber, decFromInt, decToString, decToNumber,
  decAdd, decSub, decMul, decDiv, decMulInt, decNeg, decAbs, decCmp, decMin, decMax,
  decFloor, decCeil, decRound, decIsInteger, decToInt, type Dec,
} from '../../runtime/decimal.ts';

const D = decFromString;
const S = decToString;

const MAX = Number.MAX_SAFE_INTEGER;

/** Mixed magnitudes so products/quotients exercise the fast, `%` and BigInt paths. */
const arbDec = fc.oneof(
  fc.integer({ min: -1e7, max: 1e7 }),
  fc.integer({ min: -1e10, max: 1e10 }),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.integer({ min: -MAX, max: MAX }),
);

describe('decFromString / decToString', () => {
  it('parses and prints canonical forms', () => {
    expect(D('5')).toBe(5 * SCALE);
    expect(D('5.25')).toBe(5_250_000);
    expect(D('5,25')).toBe(5_250_000);
    expect(D('-0.5')).toBe(-500_000);
    expect(D('0.000001')).toBe(1);
    expect(D('007.100')).toBe(7_100_000);
    expect(Object.is(D('-0'), 0)).toBe(true);
    expect(S(D('5.250'))).toBe('5.25');
    expect(S(D('5.0'))).toBe('5');
    expect(S(D('-0.5'))).toBe('-0.5');
    expect(S(D('-0'))).toBe('0');
    expect(S(0)).toBe('0');
    expect(S(-1)).toBe('-0.000001');
    expect(S(MAX)).toBe('9007199254.740991');
    expect(S(-MAX)).toBe('-9007199254.740991');
    expect(D('9007199254.740991')).toBe(MAX);
  });

  it('rejects malformed input with Spanish messages', () => {
    for (const bad of ['', ' 1', '1.', '.5', '+1', '1e3', '1.2.3', 'abc', '1 000', '١']) {
      expect(() => D(bad)).toThrow(RangeError);
    }
    expect(() => D('x')).toThrow(/número decimal no válido «x»/);
    expect(() => D('1.0000001')).toThrow(/máximo 6 decimales/);
    expect(() => D('9007199254.740992')).toThrow(/fuera de rango/);
    expect(() => D('99999999999999999999')).toThrow(RangeError);
  });

  it('round-trips decToString ∘ decFromString', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX, max: MAX }), (d) => {
      expect(D(S(d))).toBe(d);
    }));
  });
});

describe('decFromNumber / decFromInt / decToNumber', () => {
  it('uses the shortest decimal representation', () => {
    expect(decFromNumber(0.1)).toBe(100_000);
    expect(decFromNumber(0.2)).toBe(200_000);
    expect(decFromNumber(-2.5)).toBe(-2_500_000);
    expect(decFromNumber(1.5e-5)).toBe(15);
    expect(decFromNumber(1e-6)).toBe(1);
    expect(decFromNumber(123456.789)).toBe(123_456_789_000);
    expect(decFromNumber(1e9)).toBe(1e15);
    expect(Object.is(decFromNumber(-0), 0)).toBe(true);
  });

  it('rejects non-finite, too precise or too large numbers', () => {
    expect(() => decFromNumber(NaN)).toThrow(RangeError);
    expect(() => decFromNumber(Infinity)).toThrow(RangeError);
    expect(() => decFromNumber(1e-7)).toThrow(/máximo 6 decimales/);
    expect(() => decFromNumber(0.1234567)).toThrow(/máximo 6 decimales/);
    expect(() => decFromNumber(1e21)).toThrow(/fuera de rango/);
    expect(() => decFromNumber(1e10)).toThrow(/fuera de rango/);
  });

  it('agrees with decFromString on printed values', () => {
    // ≤ 15 significant digits always survive the double round trip.
    fc.assert(fc.property(fc.integer({ min: -(1e15 - 1), max: 1e15 - 1 }), (d) => {
      expect(decFromNumber(Number(S(d)))).toBe(d);
    }));
  });

  it('decFromInt and decToNumber', () => {
    expect(decFromInt(3)).toBe(3_000_000);
    expect(() => decFromInt(1.5)).toThrow(RangeError);
    expect(() => decFromInt(1e10)).toThrow(RangeError);
    expect(decToNumber(D('2.75'))).toBe(2.75);
  });
});

describe('arithmetic', () => {
  it('0.1 + 0.2 = 0.3 exactly', () => {
    expect(decAdd(D('0.1'), D('0.2'))).toBe(D('0.3'));
    expect(S(decAdd(decFromNumber(0.1), decFromNumber(0.2)))).toBe('0.3');
  });

  it('add/sub overflow throws', () => {
    expect(() => decAdd(MAX, 1)).toThrow('desbordamiento decimal');
    expect(() => decSub(-MAX, 1)).toThrow('desbordamiento decimal');
    expect(() => decMulInt(MAX, 2)).toThrow('desbordamiento decimal');
  });

  it('multiplies exactly with half-even rounding', () => {
    expect(decMul(D('1.5'), D('2'))).toBe(D('3'));
    expect(decMul(D('0.1'), D('0.1'))).toBe(D('0.01'));
    expect(decMul(D('-2.5'), D('4'))).toBe(D('-10'));
    // 0.000001 × 0.5 = 0.0000005 → ties to even (0); 0.000003 × 0.5 → 0.000002
    expect(decMul(1, D('0.5'))).toBe(0);
    expect(decMul(3, D('0.5'))).toBe(2);
    expect(decMul(-3, D('0.5'))).toBe(-2);
    expect(decMul(D('0.000001'), D('0.4'))).toBe(0);
    expect(decMul(D('0.000001'), D('0.6'))).toBe(1);
    // BigInt path: product ≈ 1e9 × 1e9 scaled exceeds 2^53.
    expect(decMul(D('1000000'), D('1000.123456'))).toBe(D('1000123456'));
    expect(decMul(D('12345.678901'), D('0.5'))).toBe(D('6172.83945'));
    expect(() => decMul(D('100000'), D('100000'))).toThrow('desbordamiento decimal');
  });

  it('divides exactly with half-even rounding', () => {
    expect(decDiv(D('1'), D('3'))).toBe(D('0.333333'));
    expect(decDiv(D('2'), D('3'))).toBe(D('0.666667'));
    expect(decDiv(D('-2'), D('3'))).toBe(D('-0.666667'));
    expect(decDiv(D('1'), D('-8'))).toBe(D('-0.125'));
    // 0.000001 / 2 = 0.0000005 → 0 (even); 0.000003 / 2 → 0.000002
    expect(decDiv(1, D('2'))).toBe(0);
    expect(decDiv(3, D('2'))).toBe(2);
    expect(decDiv(D('50000'), D('0.001'))).toBe(D('50000000')); // BigInt path
    expect(() => decDiv(D('1'), 0)).toThrow('división por cero');
    expect(() => decDiv(D('1'), 0)).toThrow(RangeError);
  });

  it('add and sub are inverse', () => {
    fc.assert(fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.integer({ min: -1e15, max: 1e15 }), (a, b) => {
      expect(decSub(decAdd(a, b), b)).toBe(a);
    }));
  });

  it('multiplying and dividing by 1 is the identity', () => {
    const one = decFromInt(1);
    fc.assert(fc.property(fc.integer({ min: -MAX, max: MAX }), (a) => {
      expect(decMul(a, one)).toBe(a);
      expect(decMul(one, a)).toBe(a);
      expect(decDiv(a, one)).toBe(a);
    }));
  });

  it('decMul agrees with a BigInt reference', () => {
    fc.assert(fc.property(arbDec, arbDec, (a, b) => {
      const p = BigInt(a) * BigInt(b);
      const ref = refDivHalfEven(p, BigInt(SCALE));
      if (ref > BigInt(MAX) || ref < -BigInt(MAX)) {
        expect(() => decMul(a, b)).toThrow(RangeError);
      } else {
        expect(decMul(a, b)).toBe(Number(ref));
      }
    }), { numRuns: 1000 });
  });

  it('decDiv agrees with a BigInt reference', () => {
    fc.assert(fc.property(arbDec, arbDec.filter((b) => b !== 0), (a, b) => {
      const ref = refDivHalfEven(BigInt(a) * BigInt(SCALE) * (b < 0 ? -1n : 1n), BigInt(Math.abs(b)));
      if (ref > BigInt(MAX) || ref < -BigInt(MAX)) {
        expect(() => decDiv(a, b)).toThrow(RangeError);
      } else {
        expect(decDiv(a, b)).toBe(Number(ref));
      }
    }), { numRuns: 1000 });
  });

  it('neg, abs, cmp, min, max, mulInt', () => {
    expect(Object.is(decNeg(0), 0)).toBe(true);
    expect(decNeg(D('1.5'))).toBe(D('-1.5'));
    expect(decAbs(D('-1.5'))).toBe(D('1.5'));
    expect(decCmp(D('1'), D('2'))).toBe(-1);
    expect(decCmp(D('2'), D('2'))).toBe(0);
    expect(decCmp(D('2.000001'), D('2'))).toBe(1);
    expect(decMin(D('1'), D('-1'))).toBe(D('-1'));
    expect(decMax(D('1'), D('-1'))).toBe(D('1'));
    expect(decMulInt(D('1.25'), 4)).toBe(D('5'));
    expect(() => decMulInt(D('1.25'), 0.5)).toThrow(RangeError);
  });
});

describe('rounding and integers', () => {
  it('floor and ceil', () => {
    expect(decFloor(D('2.5'))).toBe(D('2'));
    expect(decFloor(D('-2.5'))).toBe(D('-3'));
    expect(decFloor(D('-2'))).toBe(D('-2'));
    expect(decCeil(D('2.5'))).toBe(D('3'));
    expect(decCeil(D('-2.5'))).toBe(D('-2'));
    expect(Object.is(decCeil(D('-0.5')), 0)).toBe(true);
    expect(decCeil(D('7'))).toBe(D('7'));
  });

  it('rounds half to even', () => {
    expect(decRound(D('2.5'), 0)).toBe(D('2'));
    expect(decRound(D('3.5'), 0)).toBe(D('4'));
    expect(decRound(D('-2.5'), 0)).toBe(D('-2'));
    expect(decRound(D('-3.5'), 0)).toBe(D('-4'));
    expect(decRound(D('2.51'), 0)).toBe(D('3'));
    expect(decRound(D('0.125'), 2)).toBe(D('0.12'));
    expect(decRound(D('0.135'), 2)).toBe(D('0.14'));
    expect(decRound(D('1.23456'), 4)).toBe(D('1.2346'));
    expect(decRound(D('1.234567'), 6)).toBe(D('1.234567'));
    expect(Object.is(decRound(D('-0.4'), 0), 0)).toBe(true);
    expect(() => decRound(D('1'), 7)).toThrow(RangeError);
    expect(() => decRound(D('1'), -1)).toThrow(RangeError);
  });

  it('floor ≤ d ≤ ceil, both integral and less than 1 apart', () => {
    fc.assert(fc.property(fc.integer({ min: -MAX + SCALE, max: MAX - SCALE }), (d: Dec) => {
      const f = decFloor(d);
      const c = decCeil(d);
      expect(decIsInteger(f) && decIsInteger(c)).toBe(true);
      expect(f <= d && d <= c).toBe(true);
      expect(c - f).toBe(decIsInteger(d) ? 0 : SCALE);
    }));
  });

  it('decIsInteger and decToInt', () => {
    expect(decIsInteger(D('4'))).toBe(true);
    expect(decIsInteger(D('4.5'))).toBe(false);
    expect(decToInt(D('-4'))).toBe(-4);
    expect(() => decToInt(D('4.5'))).toThrow(/se esperaba un número entero y se obtuvo 4.5/);
  });
});

function refDivHalfEven(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const n = neg ? -num : num;
  let q = n / den;
  const r = n % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  return neg ? -q : q;
}
