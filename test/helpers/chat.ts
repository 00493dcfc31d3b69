/**
 * What a visitor does in a chat, the same on both transports (GMS Chat API v1 in the
 * GMS widget, Chat API v2 in the Web API chat page): read the agent's greeting and
 * typing notice, write with the keyboard (Enter sends), read the answers, and either
 * say goodbye (the scripted agent leaves) or press "End chat".
 */
import type {Page} from 'playwright-core'
import {expect} from 'vitest'
import {AGENT_NICKNAME, agentReply, FAREWELL, GREETING} from '../../src/preview/scripted-agent.js'

export const log = (popup: Page) => popup.getByRole('log')

/** The transcript as the visitor reads it: "sender: text" for messages, the notice text otherwise. */
export async function transcript(popup: Page): Promise<string[]> {
  return log(popup)
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => {
        const sender = li.querySelector('.gwe-int-sender')
        const text = li.querySelector('.gwe-int-msg-text')
        return sender && text ? `${sender.textContent}: ${text.textContent}` : (li.textContent ?? '')
      }),
    )
}

export async function waitForLine(popup: Page, line: string, timeout = 10_000): Promise<void> {
  await popup.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[role=log] li')].some((li) => {
        const sender = li.querySelector('.gwe-int-sender')
        const text = li.querySelector('.gwe-int-msg-text')
        return (sender && text ? `${sender.textContent}: ${text.textContent}` : li.textContent) === want
      }),
    line,
    {timeout},
  )
}

/** Types into the message box and presses Enter, as a keyboard user does. */
export async function say(popup: Page, text: string): Promise<void> {
  const box = popup.getByLabel('Your message')
  await box.focus()
  await box.pressSequentially(text)
  await box.press('Enter')
}

/**
 * The conversation up to two exchanges: greeting with a typing notice before it, then two
 * visitor messages (the second with a Shift+Enter line break), each answered.
 */
export async function converse(popup: Page, first: string, second: string[]): Promise<void> {
  await popup.getByText(`${AGENT_NICKNAME} is typing…`).waitFor()
  await waitForLine(popup, `${AGENT_NICKNAME}: ${GREETING}`)
  expect(await popup.locator('#chat-typing').textContent()).toBe('')
  await say(popup, first)
  await waitForLine(popup, `You: ${first}`)
  await waitForLine(popup, `${AGENT_NICKNAME}: ${agentReply(first)}`)
  const box = popup.getByLabel('Your message')
  await box.focus()
  await box.pressSequentially(second[0])
  await box.press('Shift+Enter')
  await box.pressSequentially(second[1])
  expect(await box.inputValue()).toBe(second.join('\n'))
  await box.press('Enter')
  const text = second.join('\n')
  await waitForLine(popup, `You: ${text}`)
  await waitForLine(popup, `${AGENT_NICKNAME}: ${agentReply(text)}`)
}

/** Says goodbye; the scripted agent answers, leaves, and the chat ends. */
export async function agentLeaves(popup: Page): Promise<void> {
  await say(popup, 'Thanks, bye')
  await waitForLine(popup, `${AGENT_NICKNAME}: ${FAREWELL}`)
  await waitForLine(popup, `${AGENT_NICKNAME} left the chat.`)
  await popup.getByRole('status').filter({hasText: 'The chat has ended.'}).waitFor()
  expect(await popup.getByLabel('Your message').isVisible()).toBe(false)
}

export const expectedConversation = (first: string, second: string[]) => [
  `${AGENT_NICKNAME} joined the chat.`,
  `${AGENT_NICKNAME}: ${GREETING}`,
  `You: ${first}`,
  `${AGENT_NICKNAME}: ${agentReply(first)}`,
  `You: ${second.join('\n')}`,
  `${AGENT_NICKNAME}: ${agentReply(second.join('\n'))}`,
]

/** Resolves once `check` holds (checked every 100 ms, for at most 20 s). */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`still not true after 20 s: ${what}`)
}
