/**
 * GMS Chat API v2 stand-in: `POST /genesys/2/chat/<service>` requests a chat, then
 * `.../<chatId>/send|refresh|startTyping|stopTyping|disconnect`. Rules and their
 * sources: gms-contract.ts. The conversation is the scripted agent's.
 */
import {randomBytes} from 'node:crypto'
import {isForm, rejection, type RuleId} from './gms-contract.js'
import {boundValue, MAX_SESSIONS} from './recorder.js'
import {ScriptedChat, type ChatEvent} from './scripted-agent.js'

type Answer = {status: number; body: unknown}

export {AGENT_NICKNAME, agentReply} from './scripted-agent.js'

export interface ChatV2Message {
  from: {nickname: string; participantId: number; type: 'Client' | 'Agent'}
  index: number
  type: 'ParticipantJoined' | 'ParticipantLeft' | 'TypingStarted' | 'TypingStopped' | 'Message'
  text?: string
  utcTime: number
}

interface Session {
  service: string
  chatId: string
  userId: string
  secureKey: string
  alias: string
  userData: Record<string, string>
  chat: ScriptedChat
}

const TYPE: Record<ChatEvent['kind'], ChatV2Message['type']> = {
  joined: 'ParticipantJoined',
  left: 'ParticipantLeft',
  typingStarted: 'TypingStarted',
  typingStopped: 'TypingStopped',
  message: 'Message',
}

/** The Chat API v2 error shape: statusCode other than 0 and errors[]. */
function fail(id: RuleId, detail?: string): Answer {
  const r = rejection(id, detail)
  return {status: r.status, body: {statusCode: 1, errors: [{code: r.status, advice: r.body.message}], rule: r.body.rule, source: r.body.source}}
}

export class ChatV2 {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly nextId: () => string) {}

  /** `service` is the path segment after /2/chat/; `rest` is [] or [chatId, operation]. */
  answer(method: string, contentType: string | undefined, service: string, rest: string[], params: Record<string, string>): Answer {
    if (method !== 'POST') return {status: 405, body: {statusCode: 1, errors: [{code: 405, advice: 'Chat API v2 operations are POST'}]}}
    if (!isForm(contentType)) return fail('chatV2Form', `got ${contentType ?? 'no Content-Type'}`)
    if (rest.length === 0) return this.create(service, params)
    if (rest.length !== 2) return fail('chatV2UnknownChat', `/2/chat/${service}/${rest.join('/')}`)
    const session = this.sessions.get(rest[0])
    if (!session || session.service !== service) return fail('chatV2UnknownChat', `chat ${rest[0]}`)
    if (params.userId !== session.userId || params.secureKey !== session.secureKey || params.alias !== session.alias) return fail('chatV2Credentials')
    if (session.chat.ended) return fail('chatV2AfterEnd')
    const chat = session.chat
    switch (rest[1]) {
      case 'send':
        if (!params.message) return {status: 400, body: {statusCode: 1, errors: [{code: 400, advice: 'send needs message'}]}}
        chat.visitorSays(params.message)
        return this.envelope(session, [])
      case 'refresh': {
        chat.tick()
        const from = params.transcriptPosition === undefined ? undefined : Number.parseInt(params.transcriptPosition, 10)
        return this.envelope(session, chat.from(from), true)
      }
      case 'startTyping':
      case 'stopTyping':
        chat.visitorTyping(rest[1] === 'startTyping')
        return this.envelope(session, [])
      case 'disconnect':
        chat.visitorLeaves()
        return this.envelope(session, [])
      default:
        return fail('chatV2UnknownChat', `no operation ${rest[1]}`)
    }
  }

  /** The session for tests and the request table; undefined when unknown. */
  get(chatId: string): Readonly<Session> | undefined {
    return this.sessions.get(chatId)
  }

  private create(service: string, params: Record<string, string>): Answer {
    if (!params.nickname && !(params.firstName && params.lastName)) return fail('chatV2Name')
    // Bounded and copied like the request log's values, so a session keeps no request body alive.
    const nickname = boundValue(params.nickname || `${params.firstName} ${params.lastName}`) as string
    const userData: Record<string, string> = {}
    for (const [k, v] of Object.entries(params)) {
      const m = /^userData\[(.+)\]$/.exec(k)
      if (m) userData[boundValue(m[1]) as string] = boundValue(v) as string
    }
    const session: Session = {
      service,
      chatId: this.nextId(),
      userId: randomBytes(8).toString('hex').toUpperCase(),
      secureKey: randomBytes(8).toString('hex'),
      alias: '117',
      userData,
      chat: new ScriptedChat(nickname),
    }
    this.sessions.set(session.chatId, session)
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!)
    return this.envelope(session, session.chat.transcript, true)
  }

  private message(e: ChatEvent): ChatV2Message {
    const from = {nickname: e.nickname, participantId: e.party === 'visitor' ? 1 : 2, type: e.party === 'visitor' ? ('Client' as const) : ('Agent' as const)}
    return {from, index: e.index, type: TYPE[e.kind], ...(e.kind === 'message' ? {text: e.text} : {}), utcTime: e.utcTime}
  }

  /**
   * `nextPosition` only where the answer carries the transcript up to its end (request,
   * refresh): a send answer has no messages, and a position past them would make a
   * client skip the messages it has not seen.
   */
  private envelope(session: Session, events: ChatEvent[], withPosition = false): Answer {
    return {
      status: 200,
      body: {
        messages: events.map((e) => this.message(e)),
        chatEnded: session.chat.ended,
        statusCode: 0,
        alias: session.alias,
        secureKey: session.secureKey,
        userId: session.userId,
        chatId: session.chatId,
        ...(withPosition ? {nextPosition: session.chat.next} : {}),
      },
    }
  }
}
