/** Spanish visitor-facing strings (keys: en.ts). Formal register ("usted"). */
import type {Messages} from './en.js'

const es: Messages = {
  inviteChatTitle: '¿Desea chatear con nosotros?',
  inviteChatBody: 'Un asesor está disponible ahora para responder a sus preguntas.',
  inviteCallbackTitle: '¿Desea que le llamemos?',
  inviteCallbackBody: 'Un asesor puede llamarle en el momento que más le convenga.',
  inviteAccept: 'Sí, por favor',
  inviteDecline: 'No, gracias',
  widgetTitle: 'Contacte con nosotros',
  errorGeneric: 'Lo sentimos, se ha producido un error. Vuelva a intentarlo.',
  inviteUnavailableChat: 'Lo sentimos, no se ha podido abrir el chat. Inténtelo de nuevo más tarde.',
  inviteUnavailableCallback: 'Lo sentimos, no se ha podido abrir el formulario de devolución de llamada. Inténtelo de nuevo más tarde.',
  inviteUnavailableClose: 'Cerrar',
}

export default es
