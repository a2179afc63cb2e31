/**
 * The case form, generated from the program's inputs. Values are the JSON a case file would
 * hold (what `interpreter(program).evaluate` validates with zod): dates "AAAA-MM-DD", enum
 * values by name, sets as arrays, numbers as numbers or decimal strings. An empty optional
 * field is left out of the case.
 */
import type { Tipo, Vocabulario } from '../../runtime/types.ts';
import { tipoATexto } from '../../runtime/types.ts';
import type { ErrorDeEntrada } from '../../runtime/input.ts';

interface Widget {
  readonly el: HTMLElement;
  /** The JSON value, or undefined when nothing is given. */
  get(): unknown;
  set(value: unknown): void;
}

let uid = 0;
const nextId = (base: string) => `f-${base.replace(/[^A-Za-z0-9_-]/g, '_')}-${++uid}`;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.append(c);
  return el;
}

export class CaseForm {
  private widgets = new Map<string, Widget>();
  private fields = new Map<string, HTMLElement>();
  private onChange: () => void;

  constructor(
    private readonly root: HTMLFormElement,
    onChange: () => void,
  ) {
    this.onChange = onChange;
    // Editing a field clears its validation error (the next evaluation checks it again).
    const edited = (e: Event) => {
      const field = (e.target as HTMLElement).closest('.campo');
      field?.classList.remove('con-error');
      field?.querySelector(':scope > .error')?.remove();
      this.onChange();
    };
    root.addEventListener('input', edited);
    root.addEventListener('change', edited);
  }

  /** Rebuilds the form for these inputs, keeping the values of fields that still exist. */
  build(inputs: readonly { name: string; type: Tipo; doc?: string }[], vocabulario: Vocabulario, values: Record<string, unknown>): void {
    this.root.replaceChildren();
    this.widgets.clear();
    this.fields.clear();
    if (!inputs.length) {
      this.root.append(h('p', { class: 'vacio' }, 'Este fichero no declara entradas («entrada …»).'));
      return;
    }
    for (const input of inputs) {
      const w = this.widget(input.name, input.type, vocabulario);
      this.widgets.set(input.name, w);
      this.root.append(this.field(input.name, input.name, input.type, input.doc, w));
      if (values[input.name] !== undefined && values[input.name] !== null) w.set(values[input.name]);
    }
  }

  get names(): string[] {
    return [...this.widgets.keys()];
  }

  value(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, w] of this.widgets) {
      const v = w.get();
      if (v !== undefined) out[name] = v;
    }
    return out;
  }

  set(values: Record<string, unknown>): void {
    for (const [name, w] of this.widgets) w.set(values[name] ?? undefined);
    this.clearErrors();
  }

  get hasErrors(): boolean {
    return !!this.root.querySelector('.con-error');
  }

  clearErrors(): void {
    for (const f of this.fields.values()) {
      f.classList.remove('con-error');
      f.querySelector(':scope > .error')?.remove();
    }
  }

  /** Shows each validation error on its field (the deepest field whose path prefixes the error's); returns the ones with no field. */
  showErrors(errores: readonly ErrorDeEntrada[]): ErrorDeEntrada[] {
    this.clearErrors();
    const orphan: ErrorDeEntrada[] = [];
    let first: HTMLElement | undefined;
    for (const e of errores) {
      const parts = e.campo.split('.');
      let field: HTMLElement | undefined;
      for (let n = parts.length; n > 0 && !field; n--) field = this.fields.get(parts.slice(0, n).join('.'));
      if (!field) {
        orphan.push(e);
        continue;
      }
      field.classList.add('con-error');
      const where = field.dataset['campo'] === e.campo ? '' : `${e.campo}: `;
      const msg = h('div', { class: 'error', role: 'alert' }, `${where}${e.mensaje}`);
      field.append(msg);
      first ??= field;
    }
    first?.scrollIntoView({ block: 'nearest' });
    return orphan;
  }

  private field(path: string, label: string, type: Tipo, doc: string | undefined, w: Widget): HTMLElement {
    const wide = w.el.tagName === 'FIELDSET' || !!w.el.querySelector(':scope > fieldset');
    const el = h('div', { class: wide ? 'campo campo-ancho' : 'campo', 'data-campo': path });
    const direct = w.el.tagName === 'INPUT' || w.el.tagName === 'SELECT' ? w.el.id : w.el.querySelector(':scope > input')?.id;
    const etiqueta = h(direct ? 'label' : 'div', { class: 'etiqueta' }, label, h('span', { class: 'tipo' }, tipoATexto(type)));
    if (direct) etiqueta.setAttribute('for', direct);
    const control = h('div', { class: 'control' }, w.el);
    el.append(etiqueta, control);
    if (doc) el.append(h('div', { class: 'doc' }, doc));
    this.fields.set(path, el);
    return el;
  }

  private widget(path: string, type: Tipo, v: Vocabulario): Widget {
    const optional = type.k === 'opcional';
    const inner = type.k === 'opcional' ? type.de : type;
    switch (inner.k) {
      case 'booleano':
        return optional ? this.optionalBoolean(path) : this.checkbox(path);
      case 'enum':
        return this.select(path, inner.nombre, v, optional);
      case 'fecha':
        return this.input(path, 'date', (s) => s);
      case 'entero':
        return this.input(path, 'number', (s) => (/^-?\d+$/.test(s) ? Number(s) : s), { step: '1', inputmode: 'numeric' });
      case 'decimal':
      case 'euros':
      case 'horas':
      case 'porcentaje':
        return this.input(path, 'text', (s) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s), {
          inputmode: 'decimal',
          placeholder: inner.k === 'porcentaje' ? 'p. ej. 50' : inner.k === 'euros' ? 'p. ej. 120,50' : 'p. ej. 5 o 2,5',
        });
      case 'duración':
        return this.input(path, 'text', (s) => s, { placeholder: 'p. ej. 1 mes, 15 días hábiles' });
      case 'curso_escolar':
        return this.input(path, 'text', (s) => s, { placeholder: 'p. ej. 2025-2026' });
      case 'texto':
        return this.input(path, 'text', (s) => s);
      case 'conjunto':
        if (inner.de.k === 'enum') return this.maybe(optional, this.enumSet(path, inner.de.nombre, v));
        return this.maybe(optional, this.list(path, inner.de, v));
      case 'lista':
        return this.maybe(optional, this.list(path, inner.de, v));
      case 'registro':
        return this.maybe(optional, this.record(path, inner.nombre, v));
      default:
        return this.input(path, 'text', (s) => s);
    }
  }

  private input(path: string, kind: string, convert: (s: string) => unknown, attrs: Record<string, string> = {}): Widget {
    const el = h('input', { type: kind, id: nextId(path), name: path, ...attrs });
    return {
      el,
      get: () => (el.value.trim() === '' ? undefined : convert(el.value.trim())),
      set: (value) => {
        el.value = value === undefined || value === null ? '' : typeof value === 'number' ? String(value) : String(value);
      },
    };
  }

  private checkbox(path: string): Widget {
    const box = h('input', { type: 'checkbox', id: nextId(path), name: path });
    const el = h('label', { class: 'casilla' }, box, ' sí');
    return {
      el,
      get: () => box.checked,
      set: (value) => {
        box.checked = value === true;
      },
    };
  }

  private optionalBoolean(path: string): Widget {
    const el = h('select', { id: nextId(path), name: path }, h('option', { value: '' }, '(sin dato)'), h('option', { value: 'true' }, 'sí'), h('option', { value: 'false' }, 'no'));
    return {
      el,
      get: () => (el.value === '' ? undefined : el.value === 'true'),
      set: (value) => {
        el.value = value === true ? 'true' : value === false ? 'false' : '';
      },
    };
  }

  private select(path: string, enumName: string, v: Vocabulario, optional: boolean): Widget {
    const el = h('select', { id: nextId(path), name: path }, h('option', { value: '' }, optional ? '(sin dato)' : '— elige —'));
    for (const value of v.enums[enumName]?.valores ?? []) el.append(h('option', { value: value.nombre }, value.doc ? `${value.nombre} — ${value.doc}` : value.nombre));
    return {
      el,
      get: () => (el.value === '' ? undefined : el.value),
      set: (value) => {
        el.value = typeof value === 'string' ? value : '';
      },
    };
  }

  private enumSet(path: string, enumName: string, v: Vocabulario): Widget {
    const el = h('div', { class: 'opciones', role: 'group', 'aria-label': path });
    const boxes: HTMLInputElement[] = [];
    for (const value of v.enums[enumName]?.valores ?? []) {
      const box = h('input', { type: 'checkbox', value: value.nombre, name: path });
      boxes.push(box);
      el.append(h('label', { title: value.doc ?? '' }, box, ` ${value.nombre}`));
    }
    return {
      el,
      get: () => boxes.filter((b) => b.checked).map((b) => b.value),
      set: (value) => {
        const chosen = new Set(Array.isArray(value) ? value.map(String) : []);
        for (const b of boxes) b.checked = chosen.has(b.value);
      },
    };
  }

  private list(path: string, element: Tipo, v: Vocabulario): Widget {
    const el = h('div', { class: 'lista-elementos' });
    const rows: { row: HTMLElement; w: Widget }[] = [];
    const add = h('button', { type: 'button' }, '+ Añadir');
    const addRow = (value?: unknown) => {
      const w = this.widget(`${path}.${rows.length}`, element, v);
      const remove = h('button', { type: 'button', 'aria-label': 'Quitar' }, '×');
      const row = h('div', { class: 'elemento' }, w.el, remove);
      const entry = { row, w };
      remove.addEventListener('click', () => {
        rows.splice(rows.indexOf(entry), 1);
        row.remove();
        this.onChange();
      });
      rows.push(entry);
      el.insertBefore(row, add);
      if (value !== undefined) w.set(value);
    };
    add.addEventListener('click', () => {
      addRow();
      this.onChange();
    });
    el.append(add);
    return {
      el,
      get: () => rows.map((r) => r.w.get()).filter((x) => x !== undefined),
      set: (value) => {
        for (const r of rows.splice(0)) r.row.remove();
        if (Array.isArray(value)) for (const x of value) addRow(x);
      },
    };
  }

  private record(path: string, name: string, v: Vocabulario): Widget {
    const el = h('fieldset', { class: 'registro' }, h('legend', {}, name));
    const parts: [string, Widget][] = [];
    for (const campo of v.registros[name]?.campos ?? []) {
      const w = this.widget(`${path}.${campo.nombre}`, campo.tipo, v);
      parts.push([campo.nombre, w]);
      el.append(this.field(`${path}.${campo.nombre}`, campo.nombre, campo.tipo, campo.doc, w));
    }
    return {
      el,
      get: () => {
        const out: Record<string, unknown> = {};
        for (const [k, w] of parts) {
          const x = w.get();
          if (x !== undefined) out[k] = x;
        }
        return out;
      },
      set: (value) => {
        const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
        for (const [k, w] of parts) w.set(obj[k] ?? undefined);
      },
    };
  }

  /** An optional set, list or record: a «se aporta» checkbox enables it (absent ≠ empty). */
  private maybe(optional: boolean, w: Widget): Widget {
    if (!optional) return w;
    const box = h('input', { type: 'checkbox' });
    const el = h('div', {}, h('label', {}, box, ' se aporta este dato'), w.el);
    const sync = () => {
      w.el.style.display = box.checked ? '' : 'none';
    };
    box.addEventListener('change', sync);
    sync();
    return {
      el,
      get: () => (box.checked ? w.get() : undefined),
      set: (value) => {
        box.checked = value !== undefined && value !== null;
        w.set(value);
        sync();
      },
    };
  }
}
