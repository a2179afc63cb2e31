/** The ruling: outputs with their values, indeterminado reasons or conflicts, and the explanation. */
import type { Evaluacion, PasoTraza, Resultado, CitaTraza } from '../../runtime/result.ts';
import type { ProgramInfo } from './protocol.ts';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

export function plain(v: unknown): string {
  if (v === null || v === undefined) return '(sin dato)';
  if (v === true) return 'sí';
  if (v === false) return 'no';
  if (Array.isArray(v)) return v.length ? `{${v.map(plain).join(', ')}}` : '{} (vacío)';
  if (typeof v === 'object') return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${plain(x)}`).join(', ')}}`;
  return String(v);
}

function citaNode(c: CitaTraza | undefined): Node[] {
  if (!c) return [];
  const out: Node[] = [h('div', { class: 'lugar' }, `según ${c.lugar}${c.linea ? ` (texto oficial, línea ${c.linea})` : ''}`)];
  if (c.texto) out.push(h('div', { class: 'cita' }, `«${c.texto.replace(/\s+/g, ' ').trim()}»`));
  return out;
}

export function resultNode(r: Resultado | null | undefined): HTMLElement {
  if (!r) return h('span', { class: 'vacio' }, '—');
  if (r.estado === 'valor') {
    const v = r.valor;
    if (Array.isArray(v) && v.length && typeof v[0] === 'object' && v[0] !== null && 'paso' in v[0]) return procedureNode(v as never);
    return h('span', { class: `valor ${typeof v === 'string' ? v : ''}` }, plain(v));
  }
  if (r.estado === 'indeterminado') return h('div', {}, h('span', { class: 'indeterminado' }, 'indeterminado'), ' — ', h('span', { class: 'motivo' }, r.motivo), ...citaNode(r.cita));
  const casos = h('ul', {});
  for (const k of r.casos) casos.append(h('li', {}, h('strong', {}, k.caso), ...citaNode(k.cita)));
  return h('div', {}, h('span', { class: 'conflicto' }, 'conflicto'), ' — ', h('span', { class: 'motivo' }, r.motivo), casos);
}

function shortResult(r: Resultado | null | undefined): string {
  if (!r) return '—';
  if (r.estado === 'valor') {
    const v = r.valor;
    if (Array.isArray(v) && v.length && typeof v[0] === 'object' && v[0] !== null && 'paso' in v[0]) return `${v.length} pasos`;
    return plain(v);
  }
  return r.estado === 'indeterminado' ? `indeterminado — ${r.motivo}` : `conflicto — ${r.motivo}`;
}

function procedureNode(steps: { paso: string; id: string; responsable: unknown; documento?: string; plazo: Resultado | null; realizado: string | null; estado: string | Resultado | null }[]): HTMLElement {
  const t = h('table', { class: 'pasos-proc' }, h('tr', {}, h('th', {}, 'Paso'), h('th', {}, 'Responsable'), h('th', {}, 'Plazo'), h('th', {}, 'Realizado'), h('th', {}, 'Estado')));
  for (const s of steps) {
    const estado = typeof s.estado === 'string' ? h('span', { class: `valor ${s.estado}` }, s.estado) : resultNode(s.estado);
    t.append(h('tr', {}, h('td', {}, `${s.id} ${s.paso}`, s.documento ? h('div', { class: 'lugar' }, s.documento) : ''), h('td', {}, plain(s.responsable ?? '—')), h('td', {}, shortResult(s.plazo)), h('td', {}, s.realizado ?? '—'), h('td', {}, estado)));
  }
  return t;
}

export function stepTitle(p: PasoTraza, i: number): string {
  const args = p.argumentos?.length ? `(${p.argumentos.map(plain).join(', ')})` : '';
  if (p.tipo === 'paso') return `${i + 1}. Procedimiento «${p.regla}», paso ${p.caso}: ${shortResult(p.resultado)}`;
  if (p.tipo === 'norma') return `${i + 1}. Norma ${p.caso} «${p.regla}»: ${shortResult(p.resultado)}`;
  const caso = p.caso ? (p.caso === 'en otro caso' ? ' [en otro caso]' : ` [caso ${p.caso}]`) : '';
  return `${i + 1}. «${p.regla}»${args} = ${shortResult(p.resultado)}${caso}`;
}

export function datosNode(p: PasoTraza): HTMLElement {
  if (!p.datos.length) return h('p', { class: 'vacio' }, 'Este paso no lee datos.');
  const t = h('table', { class: 'datos' });
  for (const d of p.datos) t.append(h('tr', {}, h('td', {}, d.nombre), h('td', {}, plain(d.valor))));
  return t;
}

export function stepDetail(p: PasoTraza, i: number): HTMLElement {
  const box = h('div', {});
  box.append(h('h3', {}, stepTitle(p, i)));
  box.append(h('div', {}, 'Resultado: ', resultNode(p.resultado)));
  if (p.desplaza?.length) box.append(h('div', {}, `Prevalece sobre: ${p.desplaza.join(', ')}`));
  box.append(h('div', { class: 'lugar' }, 'Datos que usa:'), datosNode(p));
  box.append(...citaNode(p.cita));
  box.append(h('div', { class: 'lugar' }, `Regla en ${p.origen.fichero}:${p.origen.linea}`));
  return box;
}

/** Why an output has its value: its step, and under it the steps of the rules it read (a tree). */
function whyTree(e: Evaluacion, name: string, goToStep: (i: number) => void): HTMLElement {
  const byRule = new Map<string, number[]>();
  e.traza.forEach((p, i) => {
    if (p.argumentos?.length) return;
    const list = byRule.get(p.regla) ?? [];
    list.push(i);
    byRule.set(p.regla, list);
  });
  const shown = new Set<number>();
  const node = (i: number, depth: number): HTMLElement => {
    const p = e.traza[i]!;
    const open = h('button', { type: 'button', class: 'ver', title: 'Ver este paso en el editor y en el texto oficial' }, `paso ${i + 1} ▸`);
    open.addEventListener('click', (ev) => {
      ev.preventDefault();
      goToStep(i);
    });
    const title = h('span', {}, stepTitle(p, i).replace(/^\d+\. /, ''), ' ', open);
    const li = h('li', {});
    if (shown.has(i)) {
      li.append(title, h('span', { class: 'lugar' }, ' (explicado arriba)'));
      return li;
    }
    shown.add(i);
    const children = h('ul', {});
    for (const d of p.datos) {
      const steps = byRule.get(d.nombre);
      if (steps && depth < 12) for (const j of steps) children.append(node(j, depth + 1));
      else children.append(h('li', { class: 'dato' }, h('code', {}, d.nombre), ` = ${plain(d.valor)}`));
    }
    const cite = p.cita ? h('div', { class: 'lugar' }, `según ${p.cita.lugar}`) : '';
    if (children.childElementCount) li.append(h('details', depth < 1 ? { open: '' } : {}, h('summary', {}, title), cite, children));
    else li.append(title, cite);
    return li;
  };
  const root = h('ul', { class: 'arbol' });
  for (const i of byRule.get(name) ?? []) root.append(node(i, 0));
  return root;
}

export function renderRuling(root: HTMLElement, e: Evaluacion, info: ProgramInfo | undefined, goToStep: (i: number) => void): void {
  root.replaceChildren();
  const docs = new Map((info?.outputs ?? []).map((o) => [o.name, o.doc]));
  root.append(h('h3', {}, 'Resultados'));
  const all = Object.values(e.resultados).filter((r): r is Resultado => !!r);
  const count = (f: (r: Resultado) => boolean) => all.filter(f).length;
  const incumple = count((r) => r.estado === 'valor' && (r.valor === 'incumple' || r.valor === 'no_permitido'));
  const avisos = count((r) => r.estado === 'valor' && r.valor === 'recomendación_no_seguida');
  const parts = [
    `${all.length} resultado${all.length === 1 ? '' : 's'}`,
    `${count((r) => r.estado === 'valor')} con valor`,
    `${count((r) => r.estado === 'indeterminado')} indeterminado${count((r) => r.estado === 'indeterminado') === 1 ? '' : 's'}`,
    `${count((r) => r.estado === 'conflicto')} conflicto${count((r) => r.estado === 'conflicto') === 1 ? '' : 's'}`,
  ];
  if (incumple) parts.push(`${incumple} incumplimiento${incumple === 1 ? '' : 's'}`);
  if (avisos) parts.push(`${avisos} recomendación${avisos === 1 ? '' : 'es'} no seguida${avisos === 1 ? '' : 's'}`);
  root.append(h('p', { class: 'resumen', id: 'resumen' }, parts.join(' · ')));
  const table = h('table', { class: 'salidas', id: 'tabla-salidas' });
  for (const [name, r] of Object.entries(e.resultados)) {
    const doc = docs.get(name);
    const why = h('details', { class: 'porque' }, h('summary', {}, '¿Por qué?'));
    why.addEventListener('toggle', () => {
      if (why.open && why.childElementCount === 1) why.append(whyTree(e, name, goToStep));
    });
    const head = h('th', {}, name, doc ? h('span', { class: 'doc' }, doc) : '');
    const isProcedure = !!r && r.estado === 'valor' && Array.isArray(r.valor) && r.valor.length > 0 && typeof r.valor[0] === 'object' && r.valor[0] !== null && 'paso' in r.valor[0];
    if (isProcedure) {
      // A procedure's checklist needs the full width: a row for the name, a row for the table.
      head.setAttribute('colspan', '2');
      table.append(h('tr', { 'data-salida': name, class: 'procedimiento' }, head));
      table.append(h('tr', { class: 'procedimiento-pasos' }, h('td', { colspan: '2' }, resultNode(r), why)));
    } else table.append(h('tr', { 'data-salida': name }, head, h('td', {}, resultNode(r), why)));
  }
  root.append(table);
  root.append(h('h3', {}, `Todos los pasos del razonamiento (${e.traza.length})`));
  const list = h('ol', { class: 'explicacion', id: 'explicacion' });
  e.traza.forEach((p, i) => {
    const open = h('button', { type: 'button', title: 'Ver este paso en el editor y en el texto oficial' }, 'ver ▸');
    open.addEventListener('click', () => goToStep(i));
    const details = h('details', {}, h('summary', {}, stepTitle(p, i), ' ', open), datosNode(p), ...citaNode(p.cita));
    list.append(h('li', { 'data-paso': String(i) }, details));
  });
  root.append(list);
}
