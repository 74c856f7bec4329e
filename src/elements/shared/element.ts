/**
 * The base of every element of the kit (the board and the widgets): what makes them behave
 * like platform elements whatever the host does.
 *
 * - Properties read what hosts pass. A property declared with one of the shared converters
 *   (`converters.ts`) reads the string form as its attribute does, so frameworks that set
 *   properties (React 19, Vue 3, Svelte 5) and pages that set attributes get the same result.
 * - A value the element can't read, or a removed attribute, falls back to the property's
 *   default: its initial value (so every public property has an initializer). A value it can't read is also reported: it is listed in
 *   `configErrors`, shown by the element, and a `promo-config-error` event (bubbles,
 *   composed) names the property, the attribute and the value.
 * - Any load order: a `ContextRoot` of @lit/context is attached to the document once, when
 *   the first element module loads, so a widget that upgrades before its board still gets
 *   the board's context when the board arrives.
 * - Focus delegates to the first interactive part (`el.focus()`).
 * - The locale defaults to the nearest `lang` attribute (`LocaleController`).
 * - Strings come in before the first render in them: English is in the bundle; the
 *   Vietnamese strings are loaded on demand (`i18n/translate.ts`), and an element speaking
 *   Vietnamese holds each update until they are in, so it never shows English first.
 *
 * Naming rule: members that are not public API are `#private`, or (for reactive state Lit
 * must see) protected with a name no public property of any element uses; a test over
 * custom-elements.json checks it.
 */
import { LitElement, type PropertyDeclaration, type PropertyValues } from 'lit';
import { ContextRoot } from '@lit/context';
import { describeValue, type ValueKind } from './converters.js';
import { t } from '../../i18n/strings.js';
import { loadStrings, phrase } from '../../i18n/translate.js';
import { fireError } from './export-action.js';
import { LocaleController } from './locale-controller.js';

/** Detail of `promo-config-error`. */
export interface PromoConfigErrorDetail {
  /** The element's tag name. */
  element: string;
  /** The property that was given a value it can't read. */
  property: string;
  /** Its attribute (null when it has none). */
  attribute: string | null;
  /** The value as it was given. */
  value: unknown;
  /** The message shown, in the element's locale. */
  message: string;
}

/** A value an element could not read, as kept in `configErrors`. */
export interface ConfigProblem {
  property: string;
  attribute: string | null;
  value: unknown;
  /** What a readable value looks like: a key of the `config.expected.*` strings. */
  expected: string;
  /** Words allowed, for `oneOf` kinds. */
  values?: readonly string[];
  /** The default used instead. */
  fallback: unknown;
}

/** Attaches one ContextRoot per document, shared by every copy of the kit on the page. */
const ROOT_KEY = Symbol.for('promo-kpi-kit.context-root');
function attachContextRoot(): void {
  if (typeof document === 'undefined') return;
  const holder = globalThis as unknown as Record<symbol, unknown>;
  if (holder[ROOT_KEY]) return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  holder[ROOT_KEY] = root;
}
attachContextRoot();

/** Defaults and problems per instance, kept outside the instance so no name is taken. */
interface Book {
  defaults: Map<PropertyKey, unknown>;
  problems: Map<PropertyKey, ConfigProblem>;
  pending: ConfigProblem[];
}
const books = new WeakMap<object, Book>();
/** Setters already wrapped (a subclass may declare a property again). */
const wrapped = new WeakSet<object>();
function book(el: object): Book {
  let b = books.get(el);
  if (!b) books.set(el, (b = { defaults: new Map(), problems: new Map(), pending: [] }));
  return b;
}

/** The English words of each kind of value the page's elements read, by kind (`ValueKind.words`). */
const expectedWords = new Map<string, string>();

/** The attribute name Lit uses for a property. */
function attributeOf(name: PropertyKey, options: PropertyDeclaration): string | null {
  if (options.attribute === false) return null;
  if (typeof options.attribute === 'string') return options.attribute;
  return typeof name === 'string' ? name.toLowerCase() : null;
}

/**
 * Wraps a public property's setter (found on `proto` or up its chain): `null`/`undefined` (a
 * removed attribute) give the default; a shared converter reads strings and checks other
 * values; a value it can't read keeps the default and is reported.
 */
function wrapProperty(proto: object, name: PropertyKey, opts: PropertyDeclaration): void {
  if (opts.state || opts.noAccessor) return;
  let owner: object | null = proto;
  while (owner && !Object.hasOwn(owner, name)) owner = Object.getPrototypeOf(owner) as object | null;
  if (!owner) return;
  const base = Object.getOwnPropertyDescriptor(owner, name);
  if (!base?.set || wrapped.has(base.set)) return;
  const valueKind = (opts.converter as Partial<ValueKind<unknown>> | undefined)?.read
    ? (opts.converter as ValueKind<unknown>)
    : null;
  if (valueKind?.words) expectedWords.set(valueKind.expected, valueKind.words);
  const attribute = attributeOf(name, opts);
  const set = base.set;
  const wrapper = function (this: PromoElement, value: unknown): void {
    const b = book(this);
    // The first assignment is the field's initializer: that is the default.
    if (!b.defaults.has(name)) {
      b.defaults.set(name, value);
      set.call(this, value);
      return;
    }
    const fallback = b.defaults.get(name);
    if (value === null || value === undefined) {
      const had = b.problems.delete(name);
      set.call(this, fallback);
      if (had) this.requestUpdate();
      return;
    }
    if (valueKind) {
      const r = valueKind.read(value);
      if (!r.ok) {
        const problem: ConfigProblem = {
          property: String(name),
          attribute,
          value,
          expected: valueKind.expected,
          values: valueKind.values,
          fallback,
        };
        b.problems.set(name, problem);
        b.pending.push(problem);
        set.call(this, fallback);
        this.requestUpdate();
        return;
      }
      value = r.value;
    }
    if (b.problems.delete(name)) this.requestUpdate();
    set.call(this, value);
  };
  wrapped.add(wrapper);
  Object.defineProperty(owner, name, { ...base, set: wrapper });
}

/**
 * Base of every element of the kit (see the module's comment).
 *
 * @event promo-config-error - A property or attribute was given a value the element can't
 *   read; the default is used instead. `detail: { element, property, attribute, value, message }`
 *   (the message as shown, in the element's locale). Bubbles and is composed.
 * @event promo-error - The Vietnamese strings could not be loaded (offline, a missing file): the
 *   element shows English instead; `detail: { message, error }`. Bubbles and is composed.
 */
export abstract class PromoElement extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Wraps the setter of each public property (see `wrapProperty`). */
  protected static override finalize(): void {
    if (Object.hasOwn(this, 'finalized')) return;
    super.finalize();
    for (const [name, options] of this.elementProperties) wrapProperty(this.prototype, name, options);
  }

  /** The locale in use (see `activeLocale`). */
  readonly #locale = new LocaleController(this, () => this.ownLocale || this.inheritedLocale());

  /**
   * Whether this element has asked for the strings of its locale (a failed load is then left
   * alone at its later updates): 0 not yet, 1 asked, 2 asked and some could not be loaded (it
   * shows those in English).
   */
  #asked = 0;

  /**
   * Holds each update until the strings of the element's locale are in. English is in the
   * bundle: nothing to wait for. The Vietnamese strings are loaded on demand, the first time an
   * element on the page speaks Vietnamese (`loadStrings`), so such an element renders once they
   * are in, never in English first; `updateComplete` resolves after that render. A table that
   * could not be loaded reads English and is told in `promo-error`; the next element to ask
   * tries it again.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = loadStrings(this.activeLocale, !this.#asked);
    if (!loading) return super.scheduleUpdate();
    this.#asked = 1;
    return loading.then((failed) => {
      for (const error of failed) {
        this.#asked = 2;
        fireError(this, error);
      }
      return super.scheduleUpdate();
    });
  }

  /** Values this element could not read (each replaced by its default), latest per property. */
  get configErrors(): readonly ConfigProblem[] {
    return [...book(this).problems.values()];
  }

  /** The locale set on the element (`locale`), if any. */
  protected abstract get ownLocale(): string | undefined;

  /** The locale strings and numbers use: `locale`, else the board's (widgets), else the nearest `lang`, else `en`. */
  protected get activeLocale(): string {
    return this.#locale.value;
  }

  /**
   * The language the element's strings are shown in, for the `lang` of its rendered root (so a
   * screen reader reads them in it): its locale's, but English after its Vietnamese strings
   * could not be loaded.
   */
  protected get shownLang(): string {
    const lang = this.activeLocale.split('-')[0]!.toLowerCase();
    return this.#asked > 1 && lang == 'vi' ? 'en' : lang;
  }

  /** A locale from around the element (the board's, for widgets). */
  protected inheritedLocale(): string | undefined {
    return undefined;
  }

  /** The message of a problem, in the element's locale. */
  protected configMessage(problem: ConfigProblem): string {
    const locale = this.activeLocale;
    const expected = phrase(locale, `config.expected.${problem.expected}`, expectedWords.get(problem.expected), {
      values: problem.values?.join(', ') ?? '',
    });
    const fallback =
      problem.fallback === undefined ||
      problem.fallback === null ||
      problem.fallback === '' ||
      (Array.isArray(problem.fallback) && !problem.fallback.length)
        ? t(locale, 'config.default')
        : `"${describeValue(problem.fallback)}"`;
    return t(locale, 'config.invalid', {
      name: problem.attribute ?? problem.property,
      value: describeValue(problem.value),
      expected,
      fallback,
    });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const b = book(this);
    if (!b.pending.length) return;
    const pending = b.pending.splice(0);
    for (const problem of pending) {
      this.dispatchEvent(
        new CustomEvent<PromoConfigErrorDetail>('promo-config-error', {
          detail: {
            element: this.localName,
            property: problem.property,
            attribute: problem.attribute,
            value: problem.value,
            message: this.configMessage(problem),
          },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }
}
