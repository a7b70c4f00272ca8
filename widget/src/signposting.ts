import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { apiRoot, getJson, type SignpostingAnswer, type SignpostingEntry, type SignpostingTier } from './api.js';
import { builtInHelp, channelItem, fallbackMark, quickExit } from './shared.js';
import { widgetStyles } from './styles.js';
import { wordsFor } from './text.js';

type Shown = { kind: 'loading' } | { kind: 'answer'; answer: SignpostingAnswer } | { kind: 'unavailable' };

/**
 * <safeguarding-signposting age="13" audience="young-people" topic="sextortion" force="gloucestershire" lang="cy">:
 * who to contact, in the API's order (999 first), from GET /api/v2/signposting. Any attribute change asks again.
 */
export class SafeguardingSignposting extends LitElement {
  static override styles = widgetStyles;

  static override properties = {
    age: { type: String },
    audience: { type: String },
    topic: { type: String },
    force: { type: String },
    language: { type: String, attribute: 'lang' },
    quickExit: { type: Boolean, attribute: 'quick-exit' },
    api: { type: String },
    shown: { state: true },
  };

  declare age: string | null;
  declare audience: string | null;
  declare topic: string | null;
  declare force: string | null;
  declare language: string | null;
  declare quickExit: boolean;
  declare api: string | null;
  declare shown: Shown;
  private asking?: AbortController;

  constructor() {
    super();
    this.age = this.audience = this.topic = this.force = this.language = this.api = null;
    this.quickExit = false;
    this.shown = { kind: 'loading' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.asking?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) {
      void this.ask();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (['age', 'audience', 'topic', 'force', 'language', 'api'].some(name => changed.has(name as keyof SafeguardingSignposting))) {
      void this.ask();
    }
  }

  private async ask(): Promise<void> {
    this.asking?.abort();
    const asking = this.asking = new AbortController();
    const url = new URL('api/v2/signposting', apiRoot(this.api));
    const words = wordsFor(this.language);
    url.searchParams.set('age', this.age ?? '');
    url.searchParams.set('audience', this.audience || 'young-people');
    url.searchParams.set('locale', words.locale);
    for (const [name, value] of [['topic', this.topic], ['force', this.force]] as const) {
      if (value) {
        url.searchParams.set(name, value);
      }
    }

    this.shown = { kind: 'loading' };
    try {
      const answer = await getJson<SignpostingAnswer>(url, asking.signal);
      if (!asking.signal.aborted) {
        this.shown = answer.tiers.length > 0 ? { kind: 'answer', answer } : { kind: 'unavailable' };
      }
    } catch {
      if (!asking.signal.aborted) {
        this.shown = { kind: 'unavailable' };
      }
    }
  }

  protected override render() {
    const words = wordsFor(this.language);
    const shown = this.shown;
    return html`<section class="box" part="container" aria-labelledby="heading">
      ${quickExit(this.quickExit, words)}
      <h2 id="heading" part="heading">${words.whoCanHelp}</h2>
      ${shown.kind === 'loading' ? html`<p role="status">${words.loading}</p>`
        : shown.kind === 'unavailable' ? builtInHelp(words, words.notLoaded)
        : html`<ol class="plain" part="tiers">${shown.answer.tiers.map(tier => this.tier(tier))}</ol>`}
    </section>`;
  }

  private tier(tier: SignpostingTier) {
    const words = wordsFor(this.language);
    return html`<li part="tier" data-tier=${tier.tier}>
      <div lang=${tier.locale ?? nothing}>
        ${fallbackMark(tier.fallback, words)}
        <h3 part="tier-heading">${tier.title ?? tier.tier}</h3>
        ${tier.description ? html`<p class=${tier.tier === 'emergency' ? 'danger' : ''}>${tier.description}</p>` : nothing}
      </div>
      <ul class="plain" part="contacts">${tier.entries.map(entry => this.entry(entry))}</ul>
    </li>`;
  }

  private entry(entry: SignpostingEntry) {
    const words = wordsFor(this.language);
    const contact = entry.contact;
    return html`<li part="contact">
      <h4 lang=${contact.locale}>${contact.name}</h4>
      ${fallbackMark(contact.fallback || entry.reasonFallback, words)}
      <p lang=${entry.reasonLocale}>${entry.reason}</p>
      <ul part="channels" lang=${contact.locale}>${contact.channels.map(channel => channelItem(channel, words))}</ul>
    </li>`;
  }
}
