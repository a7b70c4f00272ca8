// A partner's program: calls every v2 operation through openapi-fetch, typed by the paths openapi-typescript generates
// from the committed openapi/v2.json (into obj/content-api.d.ts), with realistic parameters, against a live host:
//   node obj/out/call-every-operation.mjs <api base address>
// Prints "ok <operation>: ..." or "FAILED <operation>: ..." per operation and exits 1 if any call failed. The calls
// are keyed by the generated `operations`, so tsc refuses this file when an operation of the contract is not called.
import createClient from 'openapi-fetch';
import type { operations, paths } from './obj/content-api.js';

// Only what this program needs from Node, so the type check depends on no @types package.
declare const process: { argv: string[]; exitCode?: number; exit(code: number): never };

const [baseUrl] = process.argv.slice(2);
if (!baseUrl) {
  console.error('usage: node call-every-operation.mjs <api base address>');
  process.exit(2);
}

const client = createClient<paths>({ baseUrl });

/** The body of a successful answer; anything else (an error status, no body) throws with what the API said. */
async function must<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (data === undefined) {
    throw new Error(`${response.status} ${response.url}: ${JSON.stringify(error)}`);
  }

  return data;
}

// The contract's webhooks are operations too, but the API calls the partner there, not the other way round.
type CalledOperation = Exclude<keyof operations, `Webhook${string}`>;

const calls: Record<CalledOperation, () => Promise<string>> = {
  ListGuidance: async () => {
    const page = await must(client.GET('/api/v2/guidance', { params: { query: { topic: 'sextortion', audience: 'parents-carers', age: 13, format: 'html' } } }));
    return `${page.items.length} of ${page.totalItems} items`;
  },
  GetGuidance: async () => {
    const guidance = await must(client.GET('/api/v2/guidance/{id}', { params: { path: { id: 'talking-to-your-child' }, query: { format: 'markdown' } } }));
    return guidance.title;
  },
  ListContacts: async () => {
    const page = await must(client.GET('/api/v2/contacts', { params: { query: { audience: 'young-people', age: 13, force: 'gloucestershire' } } }));
    return `${page.items.length} items`;
  },
  GetContact: async () => (await must(client.GET('/api/v2/contacts/{id}', { params: { path: { id: 'childline' } } }))).name,
  ListAgeBands: async () => `${(await must(client.GET('/api/v2/age-bands'))).length} bands`,
  GetAgeBand: async () => (await must(client.GET('/api/v2/age-bands/{id}', { params: { path: { id: '11-13' } } }))).label,
  ListAgeBandAdvice: async () => {
    const advice = await must(client.GET('/api/v2/age-bands/{id}/advice', { params: { path: { id: '11-13' }, query: { audience: 'parents-carers' } } }));
    return `${advice.length} items`;
  },
  GetAgeBandAdvice: async () => {
    const advice = await must(client.GET('/api/v2/age-bands/{id}/advice/{adviceId}', { params: { path: { id: '11-13', adviceId: '11-13-sextortion-parents-carers' } } }));
    return advice.title;
  },
  ListTopics: async () => `${(await must(client.GET('/api/v2/topics', { params: { query: { locale: 'cy-GB' } } }))).length} topics`,
  ListForces: async () => `${(await must(client.GET('/api/v2/forces'))).length} forces`,
  GetForce: async () => (await must(client.GET('/api/v2/forces/{id}', { params: { path: { id: 'gloucestershire' } } }))).name,
  ListPlugins: async () => `${(await must(client.GET('/api/v2/plugins'))).plugins.length} plugins`,
  GetSignposting: async () => {
    // The most common call first: no force and no topic.
    const national = await must(client.GET('/api/v2/signposting', { params: { query: { age: 13, audience: 'parents-carers' } } }));
    const local = await must(client.GET('/api/v2/signposting', { params: { query: { age: 13, audience: 'parents-carers', topic: 'sextortion', force: 'gloucestershire' } } }));
    // An unknown force is a 400 problem naming the parameter, in the shape the contract documents.
    const { error, response } = await client.GET('/api/v2/signposting', { params: { query: { age: 13, audience: 'parents-carers', force: 'atlantis' } } });
    if (response.status !== 400 || error === undefined || !('errors' in error) || !error.errors?.['force']) {
      throw new Error(`force=atlantis: expected a 400 naming force, got ${response.status} ${JSON.stringify(error)}`);
    }

    return `${national.tiers.length} tiers nationally, ${local.tiers.length} in gloucestershire`;
  },
  ListReviews: async () => `${(await must(client.GET('/api/v2/reviews'))).items.length} items`,
  ListChanges: async () => {
    const changes = await must(client.GET('/api/v2/changes', { params: { query: { since: '2020-01-01T00:00:00Z' } } }));
    return `${changes.items.length} changes`;
  },
};

let failures = 0;
for (const [operation, call] of Object.entries(calls)) {
  try {
    console.log(`ok ${operation}: ${await call()}`);
  } catch (error) {
    failures++;
    console.log(`FAILED ${operation}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

process.exitCode = failures === 0 ? 0 : 1;
