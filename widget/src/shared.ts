import { html, nothing, type TemplateResult } from 'lit';
import type { ContactChannel } from './api.js';
import type { Words } from './text.js';

/** A neutral page that shows nothing about safeguarding, as UK safeguarding sites use for a quick exit. */
const neutralSite = 'https://www.bbc.co.uk/weather';

export function quickExit(shown: boolean, words: Words): TemplateResult | typeof nothing {
  // replace(), so Back does not return to the page that was left.
  return shown
    ? html`<button type="button" class="quick-exit" part="quick-exit" @click=${() => location.replace(neutralSite)}>${words.quickExit}</button>`
    : nothing;
}

/** A visible mark, and the right language for screen readers, when the API served English for a Welsh request. */
export function fallbackMark(fallback: boolean, words: Words): TemplateResult | typeof nothing {
  return fallback ? html`<span class="mark" part="fallback-mark" lang=${words.locale}>${words.inEnglish}</span>` : nothing;
}

/** The built-in help shown when the API cannot be reached or cannot answer: never an empty box. */
export function builtInHelp(words: Words, why: string): TemplateResult {
  return html`
    <p role="status">${why}</p>
    <p class="danger" part="danger">${words.dangerNow}</p>
    <ul class="plain" part="contacts">
      <li part="contact"><a part="link" href="tel:999">${words.call999}</a></li>
      <li part="contact">${words.childline} <a part="link" href="tel:08001111">${words.callChildline}</a></li>
    </ul>`;
}

/** Only these kinds of link are ever made from API data. */
function safeHref(channel: ContactChannel): string | null {
  switch (channel.type) {
    case 'phone':
    case 'textphone': {
      const digits = channel.value.replace(/[^0-9+]/g, '');
      return digits ? `tel:${digits}` : null;
    }
    case 'sms': {
      const digits = channel.value.replace(/[^0-9+]/g, '');
      return digits ? `sms:${digits}` : null;
    }
    case 'email':
      return /^[^\s@:/]+@[^\s@:/]+$/.test(channel.value) ? `mailto:${channel.value}` : null;
    default:
      return httpsOnly(channel.value);
  }
}

export function httpsOnly(value: string): string | null {
  try {
    return new URL(value).protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

export function channelItem(channel: ContactChannel, words: Words): TemplateResult {
  const label = channel.label || words.channel[channel.type] || channel.type;
  const showsValue = channel.type !== 'web' && channel.type !== 'chat' && channel.type !== 'app';
  const text = showsValue && !label.includes(channel.value) ? `${label}: ${channel.value}` : label;
  const href = safeHref(channel);
  const hours = channel.hours?.text || (channel.hours?.alwaysOpen ? words.alwaysOpen : '');
  return html`<li part="channel">${href ? html`<a part="link" href=${href}>${text}</a>` : text}${
    hours ? html`<br><span class="quiet">${hours}</span>` : nothing}</li>`;
}
