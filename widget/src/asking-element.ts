import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { apiRoot, getJson } from './api.js';
import { widgetStyles } from './styles.js';
import { wordsFor, type Words } from './text.js';

export type Shown<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'unavailable' };

/**
 * What both elements share: the attributes every one takes (force, lang, quick-exit, api), asking the API again when an
 * attribute its answer depends on changes (cancelling the question before), and what it shows meanwhile.
 */
export abstract class AskingElement<TAnswer, TShown> extends LitElement {
  static override styles = widgetStyles;

  static override properties: PropertyDeclarations = {
    force: { type: String },
    language: { type: String, attribute: 'lang' },
    quickExit: { type: Boolean, attribute: 'quick-exit' },
    api: { type: String },
    shown: { state: true },
  };

  declare force: string | null;
  declare language: string | null;
  declare quickExit: boolean;
  declare api: string | null;
  declare shown: Shown<TShown>;
  private asking?: AbortController;

  constructor() {
    super();
    this.force = this.language = this.api = null;
    this.quickExit = false;
    this.shown = { kind: 'loading' };
  }

  protected get words(): Words {
    return wordsFor(this.language);
  }

  /** The properties the answer depends on, besides force, lang and api. */
  protected abstract readonly askedBy: readonly string[];

  /** The API's address for the question, from the API's root. */
  protected abstract question(root: URL): URL;

  /** What to show for the answer, or null to show the built-in help. */
  protected abstract shownFor(answer: TAnswer): TShown | null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      void this.ask();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.asking?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ([...this.askedBy, 'force', 'language', 'api'].some(name => (changed as Map<PropertyKey, unknown>).has(name))) {
      void this.ask();
    }
  }

  private async ask(): Promise<void> {
    this.asking?.abort();
    const asking = this.asking = new AbortController();
    const url = this.question(apiRoot(this.api));
    url.searchParams.set('locale', this.words.locale);
    if (this.force) {
      url.searchParams.set('force', this.force);
    }

    this.shown = { kind: 'loading' };
    let shown: Shown<TShown>;
    try {
      const value = this.shownFor(await getJson<TAnswer>(url, asking.signal));
      shown = value === null ? { kind: 'unavailable' } : { kind: 'ready', value };
    } catch {
      shown = { kind: 'unavailable' };
    }

    if (!asking.signal.aborted) {
      this.shown = shown;
    }
  }
}
