/**
 * GMS Chat API v2 stand-in (docs/genesys.md#chat-v2): `POST /genesys/2/chat/<service>` creates a chat,
 * `.../<chatId>/send` adds the visitor's message, `.../<chatId>/refresh` returns the
 * transcript from `transcriptPosition`, `.../<chatId>/disconnect` ends it. A scripted
 * agent joins and answers the visitor's first message, so a widget's transcript can
 * be checked end to end.
 */
import {randomBytes} from 'node:crypto'

type Answer = {status: number; body: unknown}

export interface ChatMessage {
  from: {nickname: string; participantId: number; type: 'Client' | 'Agent' | 'External'}
  index: number
  type: 'ParticipantJoined' | 'ParticipantLeft' | 'Message'
  text?: string
  utcTime: number
}

interface Session {
  service: string
  chatId: string
  userId: string
  secureKey: string
  alias: string
  nickname: string
  userData: Record<string, string>
  transcript: ChatMessage[]
  ended: boolean
}

export const AGENT_NICKNAME = 'Preview Agent'
/** What the scripted agent says to the visitor's first message. */
export const agentReply = (text: string) => `Hello, this is the gwe-int preview agent. You wrote: "${text}"`

// The documentation names the fields; the error shape (statusCode 1 with errors[]) is
// only seen in client code.
const fail = (status: number, code: number, advice: string): Answer => ({status, body: {statusCode: 1, errors: [{code, advice}]}})

export class ChatV2 {
  private readonly sessions = new Map<string, Session>()

  constructor(private readonly nextId: () => string) {}

  /** `service` is the path segment after /2/chat/; `rest` is [] or [chatId, action]. */
  answer(service: string, rest: string[], params: Record<string, string>): Answer {
    if (rest.length === 0) return this.create(service, params)
    if (rest.length !== 2) return fail(404, 404, `gwe-int preview: no Chat API v2 resource /2/chat/${service}/${rest.join('/')}`)
    const session = this.sessions.get(rest[0])
    if (!session || session.service !== service) return fail(404, 102, `chat ${rest[0]} not found`)
    if (params.userId !== session.userId || params.secureKey !== session.secureKey || (params.alias !== undefined && params.alias !== session.alias)) {
      return fail(400, 103, 'userId, secureKey and alias must be the values the chat was created with')
    }
    switch (rest[1]) {
      case 'send':
        if (!params.message) return fail(400, 101, 'missing parameter message')
        this.visitorSays(session, params.message)
        return this.envelope(session, [], false)
      case 'refresh': {
        if (params.message) this.visitorSays(session, params.message)
        const from = Number.parseInt(params.transcriptPosition ?? '1', 10)
        return this.envelope(session, session.transcript.filter((m) => m.index >= (Number.isNaN(from) ? 1 : from)), true)
      }
      case 'disconnect':
        if (!session.ended) this.add(session, {from: this.client(session), type: 'ParticipantLeft'})
        session.ended = true
        return this.envelope(session, [], false)
      case 'startTyping':
      case 'stopTyping':
        return this.envelope(session, [], false)
      default:
        return fail(404, 404, `gwe-int preview: no Chat API v2 action ${rest[1]}`)
    }
  }

  /** The session for tests and the request table; undefined when unknown. */
  get(chatId: string): Readonly<Session> | undefined {
    return this.sessions.get(chatId)
  }

  private create(service: string, params: Record<string, string>): Answer {
    // nickname, or both firstName and lastName.
    const nickname = params.nickname || [params.firstName, params.lastName].filter(Boolean).join(' ')
    if (!params.nickname && !(params.firstName && params.lastName)) return fail(400, 101, 'give nickname, or firstName and lastName')
    const userData: Record<string, string> = {}
    for (const [k, v] of Object.entries(params)) {
      const m = /^userData\[(.+)\]$/.exec(k)
      if (m) userData[m[1]] = v
    }
    const session: Session = {
      service,
      chatId: this.nextId(),
      userId: randomBytes(8).toString('hex').toUpperCase(),
      secureKey: randomBytes(8).toString('hex'),
      alias: '117',
      nickname,
      userData,
      transcript: [],
      ended: false,
    }
    this.sessions.set(session.chatId, session)
    this.add(session, {from: this.client(session), type: 'ParticipantJoined'})
    return this.envelope(session, session.transcript, true)
  }

  private visitorSays(session: Session, text: string): void {
    const first = !session.transcript.some((m) => m.type === 'Message' && m.from.type === 'Client')
    this.add(session, {from: this.client(session), type: 'Message', text})
    if (first) {
      const agent = {nickname: AGENT_NICKNAME, participantId: 2, type: 'Agent' as const}
      this.add(session, {from: agent, type: 'ParticipantJoined'})
      this.add(session, {from: agent, type: 'Message', text: agentReply(text)})
    }
  }

  private client(session: Session) {
    return {nickname: session.nickname, participantId: 1, type: 'Client' as const}
  }

  private add(session: Session, message: Omit<ChatMessage, 'index' | 'utcTime'>): void {
    session.transcript.push({...message, index: session.transcript.length + 1, utcTime: Date.now()})
  }

  /**
   * `nextPosition` only where the answer carries the transcript up to its end (create,
   * refresh): a send answer has no messages, and a position past them would make a
   * client skip the messages it has not seen.
   */
  private envelope(session: Session, messages: ChatMessage[], withPosition: boolean): Answer {
    return {
      status: 200,
      body: {
        messages,
        chatEnded: session.ended,
        statusCode: 0,
        alias: session.alias,
        secureKey: session.secureKey,
        userId: session.userId,
        chatId: session.chatId,
        ...(withPosition ? {nextPosition: session.transcript.length + 1} : {}),
      },
    }
  }
}
