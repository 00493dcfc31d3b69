/** Dutch visitor-facing strings (keys: en.ts). Polite register ("u"). */
import type {Messages} from './en.js'

const nl: Messages = {
  inviteChatTitle: 'Wilt u met ons chatten?',
  inviteChatBody: 'Een medewerker staat nu klaar om uw vragen te beantwoorden.',
  inviteCallbackTitle: 'Zullen we u terugbellen?',
  inviteCallbackBody: 'Een medewerker belt u terug op een moment dat u uitkomt.',
  inviteAccept: 'Ja, graag',
  inviteDecline: 'Nee, bedankt',
  widgetTitle: 'Neem contact met ons op',
  errorGeneric: 'Sorry, er is iets misgegaan. Probeer het opnieuw.',
  inviteUnavailableChat: 'Sorry, de chat kon niet worden geopend. Probeer het later opnieuw.',
  inviteUnavailableCallback: 'Sorry, het terugbelformulier kon niet worden geopend. Probeer het later opnieuw.',
  inviteUnavailableClose: 'Sluiten',
}

export default nl
