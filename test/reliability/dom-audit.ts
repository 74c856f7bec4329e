/** Helpers of the reliability tests: walk every shadow root, find elements and attributes made from data. */

/** Every element under `root`, through open shadow roots. */
export function deepElements(root: Element | ShadowRoot | Document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    out.push(root);
    visit(root.shadowRoot);
  }
  visit(root);
  return out;
}

/** Text of a subtree including shadow roots. */
export function deepText(root: Element): string {
  return deepElements(root)
    .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? ''))
    .join(' ');
}

/** Elements markup in data could have created (none of them is ever rendered by the kit). */
export const FOREIGN_TAGS = [
  'script',
  'img',
  'iframe',
  'object',
  'embed',
  'foreignobject',
  'image',
  'a',
  'b',
  'math',
  'style',
  'link',
  'meta',
  'base',
];

/** Elements created from data, and event-handler or javascript: attributes anywhere under `root`. */
export function injectedNodes(root: Element): string[] {
  const found: string[] = [];
  for (const el of deepElements(root)) {
    const tag = el.localName.toLowerCase();
    if (FOREIGN_TAGS.includes(tag))
      found.push(
        `<${tag}> in <${el.getRootNode() instanceof ShadowRoot ? (el.getRootNode() as ShadowRoot).host.localName : 'document'}>`,
      );
    if (el.id === 'injected') found.push(`#injected <${tag}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
      if (/^\s*javascript:/i.test(a.value)) found.push(`${tag}[${a.name}=${a.value}]`);
    }
  }
  return found;
}

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A CSV cell a spreadsheet would run as a formula (a plain negative number is fine). */
export function isFormula(cell: string): boolean {
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(cell)) return false;
  return /^[=+\-@\t\r]/.test(cell);
}
