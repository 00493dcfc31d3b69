/**
 * The locales gwe-int ships for visitor-facing text, one file each. A locale
 * and the config's `texts` overrides are merged once, here, into the table the
 * templates receive as `t`.
 */
import de from './de.js'
import en, {type MessageKey, type Messages} from './en.js'
import es from './es.js'
import fr from './fr.js'
import nl from './nl.js'

export type {MessageKey, Messages}

export interface LocaleSpec {
  /** BCP 47 tag written to lang="…" and given to Intl in the pages. */
  code: string
  /** Text direction written to dir="…". */
  dir: 'ltr' | 'rtl'
  /** The language's own name, for help and error messages. */
  name: string
  messages: Messages
}

export const LOCALES: Readonly<Record<string, LocaleSpec>> = {
  en: {code: 'en', dir: 'ltr', name: 'English', messages: en},
  fr: {code: 'fr', dir: 'ltr', name: 'français', messages: fr},
  de: {code: 'de', dir: 'ltr', name: 'Deutsch', messages: de},
  es: {code: 'es', dir: 'ltr', name: 'español', messages: es},
  nl: {code: 'nl', dir: 'ltr', name: 'Nederlands', messages: nl},
}

export const DEFAULT_LOCALE = 'en'
export const LOCALE_CODES = Object.keys(LOCALES) as [string, ...string[]]
export const MESSAGE_KEYS = Object.keys(en) as [MessageKey, ...MessageKey[]]

/** The locale's strings with `texts` laid over them (keys already validated at the boundary). */
export function messagesFor(locale: string = DEFAULT_LOCALE, texts: Partial<Messages> = {}): Messages {
  const spec = LOCALES[locale] ?? LOCALES[DEFAULT_LOCALE]
  return {...spec.messages, ...texts}
}

export function localeSpec(locale: string = DEFAULT_LOCALE): LocaleSpec {
  return LOCALES[locale] ?? LOCALES[DEFAULT_LOCALE]
}
