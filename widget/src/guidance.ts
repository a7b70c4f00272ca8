import { html, nothing, type PropertyDeclarations } from 'lit';
import type { GuidanceArticle } from './api.js';
import { AskingElement } from './asking-element.js';
import { builtInHelp, fallbackMark, httpsOnly, quickExit } from './shared.js';

interface ShownArticle { article: GuidanceArticle; body: DocumentFragment }

// The API already sanitises html bodies; this keeps only plain structure again, so nothing else a body might carry
// (scripts, styles, event handlers, images that would be a third-party request) ever reaches the partner's page.
const keptElements = new Set(['P', 'UL', 'OL', 'LI', 'A', 'STRONG', 'EM', 'B', 'I', 'BLOCKQUOTE', 'BR', 'CODE', 'HR', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

function copyKept(from: Node, to: Node): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.textContent ?? ''));
    } else if (node instanceof Element && keptElements.has(node.tagName)) {
      // The article's title is the h3; its own headings sit one level below it.
      const heading = /^H([1-6])$/.exec(node.tagName);
      const copy = document.createElement(heading ? `h${Math.min(6, Math.max(4, Number(heading[1]) + 2))}` : node.tagName.toLowerCase());
      const href = node.tagName === 'A' ? node.getAttribute('href') : null;
      if (href && (httpsOnly(href) || /^(mailto|tel):/.test(href))) {
        copy.setAttribute('href', href);
        copy.setAttribute('part', 'link');
      }

      copyKept(node, copy);
      to.appendChild(copy);
    } else if (node instanceof Element && !['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT'].includes(node.tagName)) {
      copyKept(node, to);
    }
  }
}

function keptBody(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const fragment = document.createDocumentFragment();
  copyKept(parsed.body, fragment);
  return fragment;
}

/** <safeguarding-guidance id="talking-to-your-child" lang="cy">: one article from GET /api/v2/guidance/{id}. */
export class SafeguardingGuidance extends AskingElement<GuidanceArticle, ShownArticle> {
  static override properties: PropertyDeclarations = {
    article: { type: String, attribute: 'id' },
  };

  declare article: string | null;
  protected readonly askedBy = ['article'];

  constructor() {
    super();
    this.article = null;
  }

  protected question(root: URL): URL {
    const url = new URL(`api/v2/guidance/${encodeURIComponent(this.article ?? '')}`, root);
    url.searchParams.set('format', 'html');
    return url;
  }

  protected shownFor(article: GuidanceArticle): ShownArticle {
    return { article, body: keptBody(article.body) };
  }

  protected override render() {
    const words = this.words;
    const shown = this.shown;
    if (shown.kind !== 'ready') {
      return html`<section class="box" part="container">
        ${quickExit(this.quickExit, words)}
        ${shown.kind === 'loading' ? html`<p role="status">${words.loading}</p>` : builtInHelp(words, words.adviceNotLoaded)}
      </section>`;
    }

    const { article, body } = shown.value;
    const licence = httpsOnly(article.licence.url);
    return html`<article class="box" part="container article" lang=${article.locale}>
      ${quickExit(this.quickExit, words)}
      ${fallbackMark(article.fallback, words)}
      <h3 part="heading">${article.title}</h3>
      <p><strong>${article.summary}</strong></p>
      <div part="body">${body}</div>
      <footer class="quiet" part="attribution">
        <p>${article.attribution}</p>
        <p><span lang=${words.locale}>${words.licence}:</span> ${licence ? html`<a part="link" href=${licence}>${article.licence.name}</a>` : article.licence.name}${
          article.review.lastReviewed ? html`. <span lang=${words.locale}>${words.lastChecked}:</span> <time datetime=${article.review.lastReviewed}>${article.review.lastReviewed}</time>` : nothing}</p>
      </footer>
    </article>`;
  }
}
