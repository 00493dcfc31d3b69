/**
 * The invitation as a visitor meets it: delivered into the preview's customer page (a
 * shop with its own global styles), checked with axe-core, driven with the keyboard
 * alone, at phone and desktop widths, in English and in French with a light accent.
 */
import type {Page} from 'playwright-core'
import {expect, it} from 'vitest'
import {expectAccessible} from '../helpers/axe.js'
import {describeBrowser, inviteResults, openCustomerPage, type Session} from '../helpers/browser.js'
import {type PreviewBrowser, usePreviewBrowser} from '../helpers/preview-browser.js'

let env: PreviewBrowser

const ids = (n: number) => ({visitID: `1A2B3C4D${String(n).padStart(24, '0')}`, pageID: `PAGE${n}`})

/** What has focus: the element's id, or its tag when it has none. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || '')

/** Whether the focused element sits inside the invitation dialog. */
const focusInDialog = (page: Page) => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))

/** Focuses "Deliver invitation" and presses Enter, as a keyboard user would; waits for the invitation. */
async function deliverByKeyboard(page: Page): Promise<void> {
  await page.locator('#deliver').focus()
  await page.keyboard.press('Enter')
  await page.locator('#gwe-int-invite').waitFor()
  await page.waitForFunction(() => document.activeElement?.id === 'gwe-int-invite-accept')
}

async function customerPage(session: Session, name: string, n: number, width = 1280): Promise<Page> {
  await session.page.setViewportSize({width, height: 800})
  return openCustomerPage(session, env.preview, name, ids(n))
}

describeBrowser('the invitation on a customer page: accessible and keyboard-operable', () => {
  env = usePreviewBrowser({
    prefix: 'gwe-int-browser-invite-a11y-',
    integrations: [
      ['gms-chat', '--integration', 'chat-en', '--host', 'https://gms.example.com'],
      ['gms-callback', '--integration', 'callback-fr', '--host', 'https://gms.example.com', '--locale', 'fr', '--accent', 'yellow'],
      ['gwe-chat', '--integration', 'gwe-de', '--locale', 'de'],
    ],
    timeout: 240_000,
  })

  it('axe-core finds nothing serious, critical or moderate on the customer page with the invitation open (1280 px)', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'chat-en', 1)
      await expectAccessible(page, {label: 'customer page before the invitation'})
      await deliverByKeyboard(page)
      await expectAccessible(page, {label: 'customer page with the invitation (1280 px)'})
      const dialog = page.getByRole('dialog', {name: 'Would you like to chat with us?'})
      expect(await dialog.getAttribute('aria-modal')).toBe('true')
      expect(await dialog.getAttribute('aria-describedby')).toBe('gwe-int-invite-body')
      expect(await page.locator('#gwe-int-invite').getAttribute('lang')).toBe('en')
    }))

  it('at 320 px the invitation fits without horizontal scrolling and passes axe-core', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'chat-en', 2, 320)
      await deliverByKeyboard(page)
      await expectAccessible(page, {label: 'customer page with the invitation (320 px)'})
      const box = await page.locator('#gwe-int-invite-dialog').boundingBox()
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.x + box!.width).toBeLessThanOrEqual(320)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
      for (const id of ['gwe-int-invite-accept', 'gwe-int-invite-decline']) {
        const b = await page.locator(`#${id}`).boundingBox()
        expect(b!.height, `${id} is a comfortable touch target`).toBeGreaterThanOrEqual(44)
      }
    }))

  it('keyboard: focus moves in, Tab and Shift+Tab stay inside, Escape declines and focus returns', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'chat-en', 3)
      await deliverByKeyboard(page)
      expect(await focused(page)).toBe('gwe-int-invite-accept')
      const order: string[] = []
      for (let k = 0; k < 4; k += 1) {
        await page.keyboard.press('Tab')
        order.push(await focused(page))
        expect(await focusInDialog(page)).toBe(true)
      }
      expect(order).toEqual(['gwe-int-invite-decline', 'gwe-int-invite-accept', 'gwe-int-invite-decline', 'gwe-int-invite-accept'])
      await page.keyboard.press('Shift+Tab')
      expect(await focused(page)).toBe('gwe-int-invite-decline')
      await page.keyboard.press('Shift+Tab')
      expect(await focused(page)).toBe('gwe-int-invite-accept')
      // A click on the page behind (through the dim layer) does not take focus out either.
      await page.mouse.click(5, 5)
      expect(await focusInDialog(page)).toBe(true)
      await page.keyboard.press('Escape')
      expect(await page.locator('#gwe-int-invite').count()).toBe(0)
      expect(await inviteResults(page)).toEqual(['DECLINE'])
      expect(await focused(page)).toBe('deliver')
    }))

  it('keyboard: "No, thanks" with Enter declines and returns focus', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'chat-en', 4)
      await deliverByKeyboard(page)
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      expect(await page.locator('#gwe-int-invite').count()).toBe(0)
      expect(await inviteResults(page)).toEqual(['DECLINE'])
      expect(await focused(page)).toBe('deliver')
    }))

  it('keyboard: accepting with Enter opens the widget, reports ACCEPT_CHAT and returns focus on the page', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'chat-en', 5)
      await deliverByKeyboard(page)
      const popupEvent = page.waitForEvent('popup')
      await page.keyboard.press('Enter')
      const popup = await popupEvent
      await popup.waitForURL((u) => u.protocol === 'http:')
      expect(new URL(popup.url()).searchParams.get('gmsScenario')).toBe('CHAT-NOW')
      expect(await inviteResults(page)).toEqual(['ACCEPT_CHAT'])
      expect(await page.locator('#gwe-int-invite').count()).toBe(0)
      expect(await focused(page)).toBe('deliver')
    }))

  it('a second delivery keeps the first return point: focus goes back to where the visitor was', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'chat-en', 6)
      await page.locator('#q').focus()
      // The strategy fires while the visitor is typing in the search box, then fires again.
      await page.locator('#deliver').evaluate((b: HTMLButtonElement) => b.click())
      await page.locator('#gwe-int-invite').waitFor()
      await page.locator('#deliver').evaluate((b: HTMLButtonElement) => b.click())
      await page.locator('#log li', {hasText: 'appended'}).nth(1).waitFor()
      expect(await page.locator('.gwe-int-invite').count()).toBe(1)
      expect(await focused(page)).toBe('gwe-int-invite-accept')
      await page.keyboard.press('Escape')
      expect(await inviteResults(page)).toEqual(['DECLINE'])
      expect(await focused(page)).toBe('q')
    }))

  it('French callback invitation with a light accent: lang="fr", French text, AA contrast, axe-core clean at 375 px', ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'callback-fr', 7, 375)
      await deliverByKeyboard(page)
      expect(await page.locator('#gwe-int-invite').getAttribute('lang')).toBe('fr')
      await page.getByRole('dialog', {name: 'Souhaitez-vous que nous vous rappelions ?'}).waitFor()
      expect(await page.getByRole('button', {name: 'Oui, volontiers'}).count()).toBe(1)
      await expectAccessible(page, {label: 'French callback invitation, accent yellow'})
      await page.keyboard.press('Escape')
      expect(await inviteResults(page)).toEqual(['DECLINE'])
    }))

  it("the shop's global styles do not reach the invitation, and the invitation's do not reach the shop", ({task}) =>
    env.withSession(task, async (session) => {
      const page = await customerPage(session, 'gwe-de', 8)
      const shopButton = page.locator('.products button').first()
      const style = (el: Element) => {
        const s = getComputedStyle(el)
        return {transform: s.textTransform, font: s.fontFamily, background: s.backgroundColor, color: s.color}
      }
      const before = await shopButton.evaluate(style)
      await deliverByKeyboard(page)
      expect(await shopButton.evaluate(style)).toEqual(before)
      const accept = await page.locator('#gwe-int-invite-accept').evaluate(style)
      expect(accept.transform).toBe('none')
      expect(accept.font).toMatch(/^system-ui/)
      expect(accept.background).toBe('rgb(31, 94, 184)')
      const title = await page.locator('#gwe-int-invite-title').evaluate(style)
      expect([title.transform, title.font.split(',')[0], title.color]).toEqual(['none', 'system-ui', 'rgb(31, 35, 40)'])
      expect(await page.locator('#gwe-int-invite-title').textContent()).toBe('Möchten Sie mit uns chatten?')
    }))
})
