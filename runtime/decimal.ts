// Exact decimal arithmetic on scaled integers.
//
// A `Dec` is a plain JS number holding value × 10^6, always a safe integer
// (|d| ≤ 2^53 − 1, i.e. values up to about ±9 007 199 254.740991). Using
// plain numbers keeps the hot path allocation-free; BigInt is only used as a
// fallback when an intermediate product would leave the safe-integer range.
//
// Functions do not re-validate that their `Dec` arguments are safe integers
// (that would cost on every call); values must come from the constructors
// below (`decFromString`, `decFromNumber`, `decFromInt`) or from other `dec*`
// results.

export type Dec = number;

export const SCALE = 1_000_000;
const DECIMALS = 6;
const SCALE_BIG = 1_000_000n;
const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(Number.MAX_SAFE_INTEGER);

function overflow(): never {
  throw new RangeError('desbordamiento decimal');
}

/** Ensures `r` is a safe integer; `+ 0` also normalises −0 to 0. */
function checked(r: number): Dec {
  if (!Number.isSafeInteger(r)) overflow();
  return r + 0;
}

// ---------------------------------------------------------------------------
// Construction and conversion

const DEC_RE = /^(-?)(\d+)(?:[.,](\d+))?$/;

/**
 * Parses `-?\d+([.,]\d{1,6})?` ("5", "-0.5", "5,25"). Throws RangeError when
 * the text is malformed, has more than 6 decimals or is out of range.
 */
export function decFromString(s: string): Dec {
  const m = DEC_RE.exec(s);
  if (m === null) {
    throw new RangeError(`número decimal no válido «${s}»: se espera un formato como 12, -3.5 o 5,25`);
  }
  return fromParts(m[1] === '-', m[2]!, m[3] ?? '', s);
}

/** Builds a Dec from sign, integer digits and fraction digits (already validated as digits). */
function fromParts(neg: boolean, intDigits: string, fracDigits: string, original: string): Dec {
  if (fracDigits.length > DECIMALS) {
    throw new RangeError(`número decimal no válido «${original}»: admite como máximo ${DECIMALS} decimales`);
  }
  // Number() of a digit string is exact whenever the value is ≤ 2^53 − 1, and
  // anything larger rounds to ≥ 2^53, so the range check below is reliable.
  const abs = Number(intDigits + fracDigits.padEnd(DECIMALS, '0'));
  if (abs > MAX) {
    throw new RangeError(`número decimal fuera de rango «${original}»`);
  }
  return neg ? 0 - abs : abs;
}

const NUM_RE = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * Converts a JSON number using its shortest decimal representation
 * (`String(n)`), so 0.1 becomes exactly 100000 rather than the binary
 * approximation 0.1000000000000000055… × 10^6.
 */
export function decFromNumber(n: number): Dec {
  if (!Number.isFinite(n)) {
    throw new RangeError(`número no válido «${String(n)}»: debe ser finito`);
  }
  // Fast path for integers: the product is exact when it is a safe integer.
  if (Number.isInteger(n)) {
    const r = n * SCALE;
    if (Number.isSafeInteger(r)) return r + 0;
    throw new RangeError(`número decimal fuera de rango «${String(n)}»`);
  }
  const text = String(n);
  const m = NUM_RE.exec(text);
  if (m === null) throw new RangeError(`número no válido «${text}»`);
  let digits = m[2]! + (m[3] ?? '');
  // Position of the decimal point inside `digits`, shifted by the exponent.
  let point = m[2]!.length + (m[4] === undefined ? 0 : Number(m[4]));
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits.padEnd(point, '0');
  }
  const fracDigits = digits.slice(point).replace(/0+$/, '');
  return fromParts(m[1] === '-', digits.slice(0, point), fracDigits, text);
}

/** Converts an integer. */
export function decFromInt(n: number): Dec {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`se esperaba un número entero: «${String(n)}»`);
  }
  const r = n * SCALE;
  if (!Number.isSafeInteger(r)) throw new RangeError(`número decimal fuera de rango «${String(n)}»`);
  return r + 0;
}

/** Canonical text: no trailing zeros and no trailing dot ("5", "5.25", "-0.5", "0"). */
export function decToString(d: Dec): string {
  const abs = d < 0 ? -d : d;
  // `%` and the subtraction are exact on safe integers; dividing `abs / SCALE`
  // directly could round up across an integer boundary for large values.
  const frac = abs % SCALE;
  const int = (abs - frac) / SCALE;
  const sign = d < 0 ? '-' : '';
  if (frac === 0) return sign + String(int);
  const fracText = String(frac).padStart(DECIMALS, '0').replace(/0+$/, '');
  return `${sign}${int}.${fracText}`;
}

/** Approximate JS number, for display or non-exact consumers only. */
export function decToNumber(d: Dec): number {
  return d / SCALE;
}

// ---------------------------------------------------------------------------
// Arithmetic

export function decAdd(a: Dec, b: Dec): Dec {
  // If the exact sum exceeds 2^53 − 1 the float result does too, so the
  // safe-integer check catches every overflow.
  return checked(a + b);
}

export function decSub(a: Dec, b: Dec): Dec {
  return checked(a - b);
}

export function decNeg(a: Dec): Dec {
  return 0 - a; // `0 - 0` is +0, whereas `-0` would produce −0.
}

export function decAbs(a: Dec): Dec {
  return a < 0 ? 0 - a : a;
}

// Below 2^52 both the float quotient and `q * den` are exact enough to be
// corrected by one step, which is several times faster than `%` on doubles.
const LIM_RAPIDO = 2 ** 52;

/**
 * num / den rounded half-even, on numbers. Requires den > 0 and both safe
 * integers; the result is exact.
 */
function divHalfEven(num: number, den: number): number {
  const neg = num < 0;
  const n = neg ? -num : num;
  let q: number;
  let r: number;
  if (n < LIM_RAPIDO && den < LIM_RAPIDO) {
    // n / den may be off by one ulp; q * den < 2^53 is exact, so the remainder
    // is exact and one correction step restores 0 ≤ r < den.
    q = Math.floor(n / den);
    r = n - q * den;
    if (r < 0) {
      q -= 1;
      r += den;
    } else if (r >= den) {
      q += 1;
      r -= den;
    }
  } else {
    r = n % den; // exact on integers
    q = (n - r) / den;
  }
  if (r !== 0) {
    const twice = r * 2; // exact: doubling never loses precision
    // `q & 1` is the parity of q even above 2^31 (ToInt32 keeps the low bit).
    if (twice > den || (twice === den && (q & 1) === 1)) q += 1;
  }
  return neg ? 0 - q : q + 0; // `+ 0` turns a −0 (from num = −0) into 0
}

/** Same as `divHalfEven` on BigInt; den > 0n. */
function divHalfEvenBig(num: bigint, den: bigint): bigint {
  const neg = num < 0n;
  const n = neg ? -num : num;
  let q = n / den;
  const r = n - q * den;
  if (r !== 0n) {
    const twice = r * 2n;
    if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  }
  return neg ? -q : q;
}

function fromBig(r: bigint): Dec {
  if (r > MAX_BIG || r < -MAX_BIG) overflow();
  return Number(r) + 0;
}

/** Exact product, rounded half-even to 6 decimals. */
export function decMul(a: Dec, b: Dec): Dec {
  const p = a * b;
  // The float product is exact iff the true product is a safe integer; an
  // inexact product is always ≥ 2^53 in magnitude and fails this check.
  if (Number.isSafeInteger(p)) return divHalfEven(p, SCALE);
  return fromBig(divHalfEvenBig(BigInt(a) * BigInt(b), SCALE_BIG));
}

/** Exact quotient, rounded half-even to 6 decimals. Throws on division by zero. */
export function decDiv(a: Dec, b: Dec): Dec {
  if (b === 0) throw new RangeError('división por cero');
  const num = b < 0 ? 0 - a : a;
  const den = b < 0 ? 0 - b : b;
  const scaled = num * SCALE;
  if (Number.isSafeInteger(scaled)) return divHalfEven(scaled, den);
  return fromBig(divHalfEvenBig(BigInt(num) * SCALE_BIG, BigInt(den)));
}

/** Multiplies by an integer (e.g. hours × sessions). */
export function decMulInt(a: Dec, n: number): Dec {
  if (!Number.isInteger(n)) {
    throw new RangeError(`se esperaba un número entero: «${String(n)}»`);
  }
  return checked(a * n);
}

// ---------------------------------------------------------------------------
// Comparison

export function decCmp(a: Dec, b: Dec): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function decMin(a: Dec, b: Dec): Dec {
  return a <= b ? a : b;
}

export function decMax(a: Dec, b: Dec): Dec {
  return a >= b ? a : b;
}

// ---------------------------------------------------------------------------
// Rounding

/** Largest integer ≤ d (as a Dec). */
export function decFloor(d: Dec): Dec {
  const r = d % SCALE; // sign follows d
  if (r === 0) return d + 0;
  return r > 0 ? d - r : checked(d - r - SCALE);
}

/** Smallest integer ≥ d (as a Dec). */
export function decCeil(d: Dec): Dec {
  const r = d % SCALE;
  if (r === 0) return d + 0;
  return r > 0 ? checked(d - r + SCALE) : d - r + 0;
}

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/** Rounds half-even to `places` decimals (0 ≤ places ≤ 6). */
export function decRound(d: Dec, places: number): Dec {
  if (!Number.isInteger(places) || places < 0 || places > DECIMALS) {
    throw new RangeError(`número de decimales no válido: ${String(places)} (debe estar entre 0 y ${DECIMALS})`);
  }
  const unit = POW10[DECIMALS - places]!;
  if (unit === 1) return d + 0;
  return checked(divHalfEven(d, unit) * unit);
}

// ---------------------------------------------------------------------------
// Integers

export function decIsInteger(d: Dec): boolean {
  return d % SCALE === 0;
}

/** The integer value of `d`; throws if `d` has a fractional part. */
export function decToInt(d: Dec): number {
  if (d % SCALE !== 0) {
    throw new RangeError(`se esperaba un número entero y se obtuvo ${decToString(d)}`);
  }
  return d / SCALE + 0;
}
