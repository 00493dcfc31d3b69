/** French visitor-facing strings (keys: en.ts). Formal register ("vous"). */
import type {Messages} from './en.js'

const fr: Messages = {
  inviteChatTitle: 'Souhaitez-vous discuter avec nous ?',
  inviteChatBody: 'Un conseiller est disponible dès maintenant pour répondre à vos questions.',
  inviteCallbackTitle: 'Souhaitez-vous que nous vous rappelions ?',
  inviteCallbackBody: 'Un conseiller peut vous rappeler au moment qui vous convient.',
  inviteAccept: 'Oui, volontiers',
  inviteDecline: 'Non, merci',
  widgetTitle: 'Contactez-nous',
  errorGeneric: 'Désolé, une erreur s’est produite. Veuillez réessayer.',
  inviteUnavailableChat: 'Désolé, le chat n’a pas pu s’ouvrir. Veuillez réessayer plus tard.',
  inviteUnavailableCallback: 'Désolé, le formulaire de rappel n’a pas pu s’ouvrir. Veuillez réessayer plus tard.',
  inviteUnavailableClose: 'Fermer',
}

export default fr
