/** German visitor-facing strings (keys: en.ts). Formal register ("Sie"). */
import type {Messages} from './en.js'

const de: Messages = {
  inviteChatTitle: 'Möchten Sie mit uns chatten?',
  inviteChatBody: 'Eine Beraterin oder ein Berater beantwortet jetzt gern Ihre Fragen.',
  inviteCallbackTitle: 'Sollen wir Sie zurückrufen?',
  inviteCallbackBody: 'Wir rufen Sie zu einer Zeit zurück, die Ihnen passt.',
  inviteAccept: 'Ja, gern',
  inviteDecline: 'Nein, danke',
  widgetTitle: 'Kontakt',
  errorGeneric: 'Leider ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
  inviteUnavailableChat: 'Leider konnte der Chat nicht geöffnet werden. Bitte versuchen Sie es später erneut.',
  inviteUnavailableCallback: 'Leider konnte das Rückrufformular nicht geöffnet werden. Bitte versuchen Sie es später erneut.',
  inviteUnavailableClose: 'Schließen',
}

export default de
