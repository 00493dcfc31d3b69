/**
 * The locales gwe-int ships for visitor-facing text, one file each. A locale
 * and the config's `texts` overrides are merged once, here, into the table the
 * templates receive as `t`.
 */
import en, {type MessageKey, type Messages} from './en.js'

export type {MessageKey, Messages}

export interface LocaleSpec {
  /** BCP 47 tag written to lang="…". */
  code: string
  /** Text direction written to dir="…". */
  dir: 'ltr' | 'rtl'
  messages: Messages
}

export const LOCALES: Readonly<Record<string, LocaleSpec>> = {
  en: {code: 'en', dir: 'ltr', messages: en},
}

export const DEFAULT_LOCALE = 'en'

/** The locale's strings with `texts` laid over them (keys already validated at the boundary). */
export function messagesFor(locale: string = DEFAULT_LOCALE, texts: Partial<Messages> = {}): Messages {
  const spec = LOCALES[locale] ?? LOCALES[DEFAULT_LOCALE]
  return {...spec.messages, ...texts}
}
