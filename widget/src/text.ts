// The widget's own words, in plain English (reading age about 9) and Welsh. The Welsh is a project draft that a fluent
// Welsh speaker has not yet checked, like the Welsh content it sits beside. Phone numbers here are only the two in the
// built-in fallback, from the project's safeguarding facts: 999 and Childline's 0800 1111. Never add one from memory.

export type Language = 'en' | 'cy';

export interface Words {
  locale: string;
  whoCanHelp: string;
  loading: string;
  dangerNow: string;
  call999: string;
  childline: string;
  callChildline: string;
  notLoaded: string;
  adviceNotLoaded: string;
  quickExit: string;
  inEnglish: string;
  alwaysOpen: string;
  licence: string;
  lastChecked: string;
  channel: Record<string, string>;
}

const english: Words = {
  locale: 'en-GB',
  whoCanHelp: 'Who can help',
  loading: 'Loading help…',
  dangerNow: 'If you are in danger now, call 999',
  call999: 'Call 999',
  childline: 'Childline is for anyone under 19. You can call any time, day or night.',
  callChildline: 'Call Childline on 0800 1111',
  notLoaded: 'We could not load the full list of help just now.',
  adviceNotLoaded: 'We could not load this advice just now.',
  quickExit: 'Leave this site quickly',
  inEnglish: 'In English',
  alwaysOpen: 'Open all day, every day',
  licence: 'Licence',
  lastChecked: 'Last checked',
  channel: { phone: 'Call', textphone: 'Textphone', sms: 'Text', web: 'Website', chat: 'Chat online', email: 'Email', app: 'App' },
};

const welsh: Words = {
  locale: 'cy-GB',
  whoCanHelp: 'Pwy all helpu',
  loading: 'Wrthi’n llwytho help…',
  dangerNow: 'Os ydych chi mewn perygl nawr, ffoniwch 999',
  call999: 'Ffoniwch 999',
  childline: 'Mae Childline ar gyfer unrhyw un dan 19 oed. Gallwch chi ffonio unrhyw bryd, ddydd neu nos.',
  callChildline: 'Ffoniwch Childline ar 0800 1111',
  notLoaded: 'Doedd dim modd llwytho’r rhestr lawn o help ar hyn o bryd.',
  adviceNotLoaded: 'Doedd dim modd llwytho’r cyngor hwn ar hyn o bryd.',
  quickExit: 'Gadael y wefan hon yn gyflym',
  inEnglish: 'Yn Saesneg: does dim fersiwn Gymraeg eto',
  alwaysOpen: 'Ar agor drwy’r dydd, bob dydd',
  licence: 'Trwydded',
  lastChecked: 'Gwiriwyd ddiwethaf',
  channel: { phone: 'Ffoniwch', textphone: 'Ffôn testun', sms: 'Neges destun', web: 'Gwefan', chat: 'Sgwrsio ar-lein', email: 'E-bost', app: 'Ap' },
};

/** cy (or cy-GB) is Welsh; anything else is English. */
export function wordsFor(lang: string | null | undefined): Words {
  return (lang ?? '').toLowerCase().startsWith('cy') ? welsh : english;
}
