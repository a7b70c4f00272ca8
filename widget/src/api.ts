// The v2 API shapes the widget reads (openapi/v2.json), and the one way it calls the API: anonymous GETs with no
// credentials, no custom headers (so no preflight), no referrer, and a time limit so a hung API shows the fallback.

export interface OpeningHours { alwaysOpen?: boolean; text?: string | null }

export interface ContactChannel {
  type: 'phone' | 'textphone' | 'sms' | 'web' | 'chat' | 'email' | 'app';
  value: string;
  label: string | null;
  hours: OpeningHours | null;
}

export interface Contact {
  id: string;
  name: string;
  locale: string;
  fallback: boolean;
  channels: ContactChannel[];
}

export interface SignpostingEntry { reason: string; reasonLocale: string; reasonFallback: boolean; contact: Contact }

export interface SignpostingTier {
  tier: string;
  order: number;
  title: string | null;
  description: string | null;
  locale: string | null;
  fallback: boolean;
  entries: SignpostingEntry[];
}

export interface SignpostingAnswer { requestedLocale: string; tiers: SignpostingTier[] }

export interface GuidanceArticle {
  id: string;
  title: string;
  summary: string;
  body: string;
  locale: string;
  fallback: boolean;
  attribution: string;
  licence: { name: string; url: string };
  review: { lastReviewed: string | null };
}

const answerLimitMs = 10000;

/** The API the script was served from, unless the page names another with the api attribute. */
export function apiRoot(override: string | null | undefined): URL {
  return new URL(override || '/', import.meta.url);
}

export async function getJson<T>(url: URL, cancel: AbortSignal): Promise<T> {
  const limit = new AbortController();
  const timer = setTimeout(() => limit.abort(), answerLimitMs);
  cancel.addEventListener('abort', () => limit.abort(), { once: true });
  try {
    const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: limit.signal });
    if (!response.ok) {
      throw new Error(`${url.pathname} answered ${response.status}`);
    }

    return await response.json() as T;
  } finally {
    clearTimeout(timer);
  }
}
