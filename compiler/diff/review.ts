/**
 * A search for the two faults a decision table written by hand tends to have (catalog §5: «the
 * compiler should check coverage/overlap»): cases that apply together with no priority between
 * them (a conflict), and situations where no case applies and the file says nothing (a gap).
 * It evaluates the rules on generated boundary cases and reports each fault with the simplest
 * case that shows it. A gap may be genuine — the text gives no answer — in which case the author
 * writes «en otro caso indeterminado "motivo"», which this review then accepts.
 */
import type * as IR from '../ir/ir.ts';
import { warning, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { interpreter } from '../interpret/interpret.ts';
import { EntradaNoValida } from '../../runtime/input.ts';
import { generateCases } from './cases.ts';

export interface ReviewOptions {
  readonly cases?: number;
  /** Extra cases (e.g. the golden tests), as JSON. */
  readonly extraCases?: readonly Record<string, unknown>[];
}

export function reviewProgram(program: IR.Program, options: ReviewOptions = {}): Diagnostic[] {
  const run = interpreter(program);
  const outputs = program.outputs.filter((o) => o.kind === 'definition' && program.definitions[o.name]!.cases.length > 0).map((o) => o.name);

  /** The fault of definition `name` on a case, if any: a conflict (which cases) or a gap. */
  const faultOf = (raw: Record<string, unknown>, name: string): string | undefined => {
    let evaluation;
    try {
      evaluation = run.evaluate(raw, { traza: false, salidas: [name] });
    } catch (failure) {
      if (failure instanceof EntradaNoValida) return undefined;
      throw failure;
    }
    const r = evaluation.resultados[name]!;
    // Only faults of this definition itself: one inherited from another rule is reported there.
    if (r.estado === 'conflicto' && !r.motivo.startsWith('«')) return `conflicto:${r.casos.map((c) => c.caso).join(' y ')}`;
    if (r.estado === 'indeterminado' && r.motivo.startsWith(`ningún caso de «${name}»`)) return 'hueco';
    return undefined;
  };

  // Delta debugging, one key at a time: the example keeps only the data the fault needs.
  const minimise = (raw: Record<string, unknown>, name: string, fault: string): Record<string, unknown> => {
    let current = raw;
    for (const key of Object.keys(raw)) {
      const { [key]: _dropped, ...without } = current;
      if (faultOf(without, name) === fault) current = without;
    }
    return current;
  };

  const found = new Map<string, Map<string, Record<string, unknown>>>();
  const cases = [...(options.extraCases ?? []), ...generateCases(program, [program], options.cases ?? 400)];
  for (const raw of cases) {
    for (const name of outputs) {
      const fault = faultOf(raw, name);
      if (!fault) continue;
      const byFault = found.get(name) ?? new Map<string, Record<string, unknown>>();
      const previous = byFault.get(fault);
      if (!previous || Object.keys(raw).length < Object.keys(previous).length) byFault.set(fault, raw);
      found.set(name, byFault);
    }
  }

  const diagnostics: Diagnostic[] = [];
  for (const [name, byFault] of found) {
    const d = program.definitions[name]!;
    const conflicts = [...byFault.keys()].filter((f) => f.startsWith('conflicto:'));
    if (conflicts.length) {
      const first = conflicts[0]!;
      const example = JSON.stringify(minimise(byFault.get(first)!, name, first));
      const combos = conflicts.map((c) => c.slice('conflicto:'.length));
      diagnostics.push(
        warning('conflicto-posible', `En «${name}» pueden aplicarse a la vez casos sin prioridad entre ellos: ${combos.join('; ')}.`, d.span, {
          hint: `Un caso que lo muestra (${combos[0]}): ${example}. Si el texto da prioridad a uno, escribe «prevalece sobre»; si no, el conflicto es del texto: documéntalo.`,
        }),
      );
    }
    const gap = byFault.get('hueco');
    if (gap) {
      const example = JSON.stringify(minimise(gap, name, 'hueco'));
      diagnostics.push(
        warning('hueco', `En «${name}» hay situaciones en las que no se aplica ningún caso y el fichero no dice qué ocurre.`, d.span, {
          hint: `Un caso que lo muestra: ${example}. Si el texto no da respuesta, escribe «en otro caso indeterminado "motivo"».`,
        }),
      );
    }
  }
  return diagnostics;
}
