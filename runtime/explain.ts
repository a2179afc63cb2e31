/** Renders an evaluation as a Spanish explanation a legal reviewer can follow, citing each step. */
import type { Evaluacion, PasoTraza, Resultado } from './result.ts';
import type { Tipo, Vocabulario } from './types.ts';
import { fechaDesdeTexto, fechaLarga } from './dates.ts';

/** Types of the outputs, so values read as «8 horas» or «31 de octubre de 2025» rather than raw JSON. */
export interface ContextoExplicacion {
  readonly tipos: Readonly<Record<string, Tipo>>;
  readonly vocabulario: Vocabulario;
}

/** An exported (JSON) value shown the way a Spanish reader expects it. */
export function mostrarExportado(tipo: Tipo | undefined, v: unknown, vocabulario?: Vocabulario): string {
  if (v === null || v === undefined) return '(sin dato)';
  switch (tipo?.k) {
    case 'booleano': return v ? 'sí' : 'no';
    case 'horas': return `${String(v)} ${v === 1 ? 'hora' : 'horas'}`;
    case 'euros': return `${String(v)} €`;
    case 'porcentaje': return `${String(v)} %`;
    case 'fecha': return fechaLarga(fechaDesdeTexto(String(v)));
    case 'curso_escolar': return `curso ${String(v)}`;
    case 'enum': {
      const doc = vocabulario?.enums[tipo.nombre]?.valores.find((x) => x.nombre === v)?.doc;
      return doc && tipo.nombre !== 'Cumplimiento' ? `${String(v)} (${doc})` : String(v).replace(/_/g, ' ');
    }
    case 'conjunto': case 'lista': return Array.isArray(v) ? `{${v.map((x) => mostrarExportado(tipo.de, x, vocabulario)).join(', ')}}` : JSON.stringify(v);
    default: return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

function valor(r: Resultado, tipo?: Tipo, vocabulario?: Vocabulario): string {
  if (r.estado === 'valor') return tipo ? mostrarExportado(tipo, r.valor, vocabulario) : typeof r.valor === 'string' ? r.valor : JSON.stringify(r.valor);
  if (r.estado === 'indeterminado') return `INDETERMINADO — ${r.motivo}`;
  return `CONFLICTO — ${r.motivo}`;
}

function paso(p: PasoTraza, n: number, c?: ContextoExplicacion): string[] {
  const valor = (r: Resultado) => valorCon(r, p.tipo === 'norma' ? { k: 'enum', nombre: 'Cumplimiento' } : p.tipo === 'paso' ? undefined : c?.tipos[p.regla], c?.vocabulario);
  const head =
    p.tipo === 'paso'
      ? `${n}. Procedimiento «${p.regla}», paso ${p.caso}: ${valor(p.resultado)}`
      : p.tipo === 'norma'
        ? `${n}. Norma ${p.caso} «${p.regla}»: ${valor(p.resultado)}`
        : `${n}. «${p.regla}»${p.argumentos ? `(${p.argumentos.join(', ')})` : ''} = ${valor(p.resultado)}${p.caso ? `  [${p.caso === 'en otro caso' ? 'en otro caso' : `caso ${p.caso}`}]` : ''}`;
  const lines = [head];
  if (p.datos.length) lines.push(`   porque: ${p.datos.map((d) => `${d.nombre} = ${String(d.valor)}`).join('; ')}`);
  if (p.desplaza?.length) lines.push(`   prevalece sobre: ${p.desplaza.join(', ')}`);
  if (p.cita) {
    lines.push(`   según: ${p.cita.lugar}${p.cita.linea ? ` (texto oficial, línea ${p.cita.linea})` : ''}`);
    if (p.cita.texto) lines.push(`   «${p.cita.texto.replace(/\s+/g, ' ').trim()}»`);
  }
  lines.push(`   regla en ${p.origen.fichero}:${p.origen.linea}`);
  return lines;
}

const valorCon = valor;

export function explicar(e: Evaluacion, c?: ContextoExplicacion): string {
  const out: string[] = [];
  for (const aviso of e.avisos ?? []) out.push(`AVISO: ${aviso}`, '');
  out.push('Resultados:');
  for (const [nombre, r] of Object.entries(e.resultados)) {
    if (r.estado === 'valor' && Array.isArray(r.valor) && r.valor.length && typeof r.valor[0] === 'object' && r.valor[0] !== null && 'paso' in r.valor[0]) {
      out.push(`  ${nombre}:`);
      for (const s of r.valor as { paso: string; responsable: unknown; documento?: string; plazo: Resultado | null; realizado: string | null; estado: unknown }[]) {
        const estado = typeof s.estado === 'string' ? s.estado : valor(s.estado as Resultado);
        const rol = (x: unknown) => mostrarExportado({ k: 'enum', nombre: 'Rol' }, x, c?.vocabulario);
        const quien =
          s.responsable === null || s.responsable === undefined ? 'sin responsable en el texto'
          : Array.isArray(s.responsable) ? s.responsable.map(rol).join(' y ')
          : rol(s.responsable);
        const plazo = s.plazo ? `plazo ${valor(s.plazo, { k: 'fecha' })}` : 'sin plazo';
        const hecho = s.realizado ? `realizado ${mostrarExportado({ k: 'fecha' }, s.realizado)}` : 'no realizado';
        out.push(`    - ${s.paso} (${quien}${s.documento ? `; ${s.documento}` : ''}): ${plazo}; ${hecho}; ${estado.replace(/_/g, ' ')}`);
      }
      continue;
    }
    out.push(`  ${nombre}: ${valor(r, c?.tipos[nombre], c?.vocabulario)}`);
  }
  out.push('', 'Razonamiento, paso a paso:');
  e.traza.forEach((p, i) => out.push(...paso(p, i + 1, c), ''));
  return out.join('\n').trimEnd() + '\n';
}
