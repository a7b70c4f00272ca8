import { html, nothing, type PropertyDeclarations } from 'lit';
import type { SignpostingAnswer, SignpostingEntry, SignpostingTier } from './api.js';
import { AskingElement } from './asking-element.js';
import { builtInHelp, channelItem, fallbackMark, quickExit } from './shared.js';

/**
 * <safeguarding-signposting age="13" audience="young-people" topic="sextortion" force="gloucestershire" lang="cy">:
 * who to contact, in the API's order (999 first), from GET /api/v2/signposting. Any attribute change asks again.
 */
export class SafeguardingSignposting extends AskingElement<SignpostingAnswer, SignpostingAnswer> {
  static override properties: PropertyDeclarations = {
    age: { type: String },
    audience: { type: String },
    topic: { type: String },
  };

  declare age: string | null;
  declare audience: string | null;
  declare topic: string | null;
  protected readonly askedBy = ['age', 'audience', 'topic'];

  constructor() {
    super();
    this.age = this.audience = this.topic = null;
  }

  protected question(root: URL): URL {
    const url = new URL('api/v2/signposting', root);
    url.searchParams.set('age', this.age ?? '');
    url.searchParams.set('audience', this.audience || 'young-people');
    if (this.topic) {
      url.searchParams.set('topic', this.topic);
    }

    return url;
  }

  protected shownFor(answer: SignpostingAnswer): SignpostingAnswer | null {
    return answer.tiers.length > 0 ? answer : null;
  }

  protected override render() {
    const words = this.words;
    const shown = this.shown;
    return html`<section class="box" part="container">
      ${quickExit(this.quickExit, words)}
      <h2 part="heading">${words.whoCanHelp}</h2>
      ${shown.kind === 'loading' ? html`<p role="status">${words.loading}</p>`
        : shown.kind === 'unavailable' ? builtInHelp(words, words.notLoaded)
        : html`<ol class="plain" part="tiers">${shown.value.tiers.map(tier => this.tier(tier))}</ol>`}
    </section>`;
  }

  private tier(tier: SignpostingTier) {
    const words = this.words;
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
    const words = this.words;
    const contact = entry.contact;
    return html`<li part="contact">
      <h4 lang=${contact.locale}>${contact.name}</h4>
      ${fallbackMark(contact.fallback || entry.reasonFallback, words)}
      <p lang=${entry.reasonLocale}>${entry.reason}</p>
      <ul part="channels" lang=${contact.locale}>${contact.channels.map(channel => channelItem(channel, words))}</ul>
    </li>`;
  }
}
