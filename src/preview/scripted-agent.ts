/**
 * The preview's scripted agent, shared by the Chat API v1 and v2 stand-ins: the same
 * conversation in two wire formats. Each poll (refresh) releases one step of what the
 * agent does next, so a visitor sees the agent join, type, answer and, when the visitor
 * says goodbye, leave; no timers, so tests do not depend on timing.
 */

export type Party = 'visitor' | 'agent'

export interface ChatEvent {
  /** 1, 2, 3… in transcript order. */
  index: number
  kind: 'joined' | 'left' | 'typingStarted' | 'typingStopped' | 'message'
  party: Party
  nickname: string
  text: string
  utcTime: number
}

export const AGENT_NICKNAME = 'Preview Agent'
export const GREETING = 'Hello, this is the gwe-int preview agent. How can I help you?'
/** What the scripted agent answers to a visitor message. */
export const agentReply = (text: string) => `Thank you. You wrote: "${text}"`
export const FAREWELL = 'Goodbye, and thank you for chatting with us.'
/** A visitor message matching this makes the agent say goodbye and leave. */
export const LEAVE_WORD = /\bbye\b/i

type Step = Omit<ChatEvent, 'index' | 'utcTime'>[]

export class ScriptedChat {
  readonly transcript: ChatEvent[] = []
  /** The agent left or the visitor disconnected. */
  ended = false
  /** Agent steps not yet released, one per poll. */
  private readonly pending: Step[] = []
  private leaving = false

  constructor(
    readonly visitor: string,
    readonly agent = AGENT_NICKNAME,
  ) {
    this.add([{kind: 'joined', party: 'visitor', nickname: visitor, text: ''}])
    this.pending.push(
      [{kind: 'joined', party: 'agent', nickname: agent, text: ''}, this.agentEvent('typingStarted')],
      [this.agentEvent('message', GREETING), this.agentEvent('typingStopped')],
    )
  }

  visitorSays(text: string): void {
    this.add([{kind: 'message', party: 'visitor', nickname: this.visitor, text}])
    if (this.leaving) return
    if (LEAVE_WORD.test(text)) {
      this.leaving = true
      this.pending.push([this.agentEvent('typingStarted')], [this.agentEvent('message', FAREWELL), this.agentEvent('typingStopped')], [this.agentEvent('left')])
    } else {
      this.pending.push([this.agentEvent('typingStarted')], [this.agentEvent('message', agentReply(text)), this.agentEvent('typingStopped')])
    }
  }

  visitorTyping(started: boolean): void {
    this.add([{kind: started ? 'typingStarted' : 'typingStopped', party: 'visitor', nickname: this.visitor, text: ''}])
  }

  visitorLeaves(): void {
    if (this.ended) return
    this.add([{kind: 'left', party: 'visitor', nickname: this.visitor, text: ''}])
    this.ended = true
    this.pending.length = 0
  }

  /** One poll: releases the agent's next step. */
  tick(): void {
    const step = this.pending.shift()
    if (!step) return
    this.add(step)
    if (step.some((e) => e.kind === 'left' && e.party === 'agent')) this.ended = true
  }

  /** Events from `position` (1-based) on; a missing or invalid position means all. */
  from(position: number | undefined): ChatEvent[] {
    const p = position === undefined || !Number.isFinite(position) || position < 1 ? 1 : position
    return this.transcript.filter((e) => e.index >= p)
  }

  /** The position of the next event, to poll from. */
  get next(): number {
    return this.transcript.length + 1
  }

  private agentEvent(kind: ChatEvent['kind'], text = '') {
    return {kind, party: 'agent' as const, nickname: this.agent, text}
  }

  private add(step: Step): void {
    for (const e of step) this.transcript.push({...e, index: this.transcript.length + 1, utcTime: Date.now()})
  }
}
