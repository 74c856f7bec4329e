/**
 * Export of a widget's numbers and chart: CSV of its data table, SVG with the computed token
 * colours inlined (so the file looks the same outside the page), and PNG drawn from that SVG
 * on a canvas. Loaded by `exportWidget` (`export-action.ts`) when a user first exports.
 */
import type { DataTable } from './data-table.js';
import { fileName, toCsv } from './csv.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the computed style into the exported SVG. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * Serialises an SVG element of the page: every element gets its computed presentation
 * styles as attributes (custom properties such as `var(--_color-accent)` resolved), class
 * and part attributes are dropped, and the root gets explicit size and namespaces.
 */
export function serializeSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const src = [svg, ...svg.querySelectorAll('*')];
  const dst = [clone, ...clone.querySelectorAll('*')];
  src.forEach((el, i) => {
    const out = dst[i] as Element;
    const cs = getComputedStyle(el);
    for (const p of INLINED) {
      const v = cs.getPropertyValue(p);
      if (v && v !== 'normal' && v !== 'auto') out.setAttribute(p, v);
    }
    out.removeAttribute('class');
    out.removeAttribute('part');
    out.removeAttribute('style');
  });
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 300));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 150));
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const bg = backgroundOf(svg);
  if (bg) {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', bg);
    clone.insertBefore(rect, clone.firstChild);
  }
  return new XMLSerializer().serializeToString(clone);
}

/** The first opaque background behind an element, across shadow roots. */
function backgroundOf(el: Element): string | null {
  let n: Node | null = el;
  while (n) {
    if (n instanceof Element) {
      const bg = getComputedStyle(n).backgroundColor;
      if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
    }
    n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null);
  }
  return null;
}

/**
 * Several charts of the page as one SVG, stacked top to bottom 12 px apart (a widget that
 * draws one SVG per item, such as the budget gauges). Detached: measured through its
 * attributes; its children already carry their colours.
 */
function stackSvgs(charts: readonly SVGSVGElement[]): SVGSVGElement {
  const root = document.createElementNS(SVG_NS, 'svg');
  const gap = 12;
  let y = 0;
  let width = 0;
  for (const el of charts) {
    const box = el.getBoundingClientRect();
    const doc = new DOMParser().parseFromString(serializeSvg(el), 'image/svg+xml').documentElement;
    doc.setAttribute('y', String(y));
    root.append(root.ownerDocument.importNode(doc, true));
    y += Math.round(box.height) + gap;
    width = Math.max(width, Math.round(box.width));
  }
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(Math.max(1, y - gap)));
  root.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, y - gap)}`);
  return root;
}

/** Draws SVG text on a canvas and resolves a PNG blob (`scale` for sharp output on HiDPI). */
export async function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const w = Number(/\swidth="([\d.]+)"/.exec(svgText)?.[1] ?? 300);
  const h = Number(/\sheight="([\d.]+)"/.exec(svgText)?.[1] ?? 150);
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('canvas 2D context unavailable');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, w, h);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a temporary download link. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The file of an export: the table as CSV, or the chart as SVG or PNG; null when there is
 * nothing of that kind to export. `base` names the file (`promo-<base>.<format>`).
 */
export async function exportFile(
  format: 'csv' | 'svg' | 'png',
  table: DataTable | null,
  chart: SVGSVGElement | readonly SVGSVGElement[] | null,
  base: string,
): Promise<{ blob: Blob; filename: string } | null> {
  let blob: Blob;
  if (format === 'csv') {
    if (!table) return null;
    // BOM: spreadsheets then read the UTF-8 (Vietnamese) text correctly.
    blob = new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' });
  } else {
    const charts = chart ? ('length' in chart ? chart : [chart]) : [];
    if (!charts.length) return null;
    const text = serializeSvg(charts.length === 1 ? charts[0]! : stackSvgs(charts));
    blob = format === 'svg' ? new Blob([text], { type: 'image/svg+xml' }) : await svgToPng(text);
  }
  return { blob, filename: fileName(base, format) };
}

/**
 * Writes the file of an export of `host` and fires a cancelable `promo-export` on it; unless
 * the event is cancelled, the file is downloaded. Null when there is nothing to export.
 */
export async function saveExport(
  host: HTMLElement,
  format: 'csv' | 'svg' | 'png',
  table: DataTable | null,
  source: { chart(): SVGSVGElement | readonly SVGSVGElement[] | null; label(): string },
): Promise<Blob | null> {
  const base = table?.caption || source.label() || host.localName;
  const file = await exportFile(format, table, format === 'csv' ? null : source.chart(), base);
  if (!file) return null;
  const proceed = host.dispatchEvent(
    // Its detail is a `PromoExportDetail` (`export-action.ts`).
    new CustomEvent('promo-export', {
      detail: { format, ...file },
      bubbles: true,
      composed: true,
      cancelable: true,
    }),
  );
  if (proceed) download(file.blob, file.filename);
  return file.blob;
}
