/**
 * The preview's own pages: the index, the customer-like page of one integration (the
 * page a visitor browses, with the GWE tracker stand-in), and the vendor stand-in.
 * Every value goes through an escaping function for its context.
 */
import {htmlAttr, htmlText} from '../shared/escape.js'
import {jsonForScript} from '../shared/escape.js'
import {CLIENT_SCRIPT_PATH} from './client-script.js'
import type {Site} from './site.js'
import {WIDGETS_RULES, WIDGETS_STANDIN_PATH} from './widgets.js'

const STYLE = `
  body { margin: 0; padding: 20px 28px; font: 15px/1.45 system-ui, sans-serif; color: #222; background: #f7f7f5; }
  h1 { font-size: 1.4em; margin: 0 0 4px; } h2 { font-size: 1.05em; margin: 18px 0 6px; }
  section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 16px; margin: 12px 0; max-width: 60em; }
  code { background: #eef; padding: 0 4px; border-radius: 3px; }
  ol, ul { margin: 4px 0; padding-left: 1.4em; } li { margin: 2px 0; }
  table { border-collapse: collapse; font-size: 13px; } td, th { border-bottom: 1px solid #eee; padding: 3px 8px; text-align: left; vertical-align: top; }
  .muted { color: #595959; } .error { color: #a11; }
  #widgets-commands [data-field] { overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 13px; }
`

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`
}

const link = (href: string, label: string) => `<a href="${htmlAttr(href)}">${htmlText(label)}</a>`

/** `/`: every integration with its customer page and generated files. */
export function indexPage(sites: Site[], configFile: string): string {
  const items = sites.map((s) => {
    const files = [...s.files.values()]
      .map((f) => `<li>${link(f.path, f.path.slice(s.base.length + 1))} <span class="muted">${htmlText(f.artifact)}</span></li>`)
      .join('')
    return `<section data-integration="${htmlAttr(s.name)}">
<h2>${link(s.paths.page, s.name)} <span class="muted">${htmlText(s.medium.title)}</span></h2>
<p>${htmlText(s.medium.summary)}</p>
<ul>${files}<li>${link(`/__gwe-int/requests?integration=${encodeURIComponent(s.name)}`, 'requests received (JSON)')}</li></ul>
</section>`
  })
  return layout(
    'gwe-int preview',
    `<h1>gwe-int preview</h1>
<p class="muted">${htmlText(configFile)}: the generated files, served with every URL pointing at this server. Open an integration's page, deliver the invitation and accept it; the GMS stand-in answers and lists what it received.</p>
${items.join('\n') || '<p>No integrations in the config.</p>'}`,
  )
}

export interface CustomerConfig {
  integration: string
  media: string
  title: string
  snippetUrl: string
  notificationsUrl: string
  requestsUrl: string
  modeUrl: string
  gms: boolean
  widgets: boolean
  vendorFunction: string
}

export function customerConfig(site: Site): CustomerConfig {
  const name = encodeURIComponent(site.name)
  return {
    integration: site.name,
    media: site.medium.id,
    title: site.medium.title,
    snippetUrl: site.paths.snippet,
    notificationsUrl: `/__gwe-int/notifications?integration=${name}`,
    requestsUrl: `/__gwe-int/requests?integration=${name}`,
    modeUrl: '/__gwe-int/gms-mode',
    gms: site.integration.host !== undefined && site.medium.host?.kind === 'base-url',
    widgets: site.medium.artifacts.includes('widgets-extension'),
    vendorFunction: site.integration.vendorFunction ?? '',
  }
}

/**
 * The customer page's own look: global element styles, as a shop's stylesheet has, so
 * the preview shows that the invitation neither takes them on nor changes the page.
 */
const SHOP_STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 Georgia, "Times New Roman", serif; color: #2b2b2b; background: #fbf8f3; }
  header, footer { background: #3d2b1f; color: #fff; padding: 12px 24px; }
  header { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; justify-content: space-between; }
  header a, footer a { color: #fff; }
  .shop-name { font-size: 1.4em; font-weight: bold; margin: 0; }
  nav ul { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; margin: 0; padding: 0; }
  main, aside { max-width: 64em; margin: 0 auto; padding: 16px 24px; }
  h1 { font-size: 1.8em; margin: 8px 0; } h2 { font-size: 1.25em; color: #6b2d0f; margin: 20px 0 8px; text-transform: uppercase; letter-spacing: .05em; }
  p { margin: 0 0 12px; }
  button { font: inherit; text-transform: uppercase; background: #e07a1f; color: #1b1b1b; border: 0; border-radius: 0; padding: 8px 14px; }
  input { font: inherit; padding: 6px; border: 1px solid #6b6b6b; }
  .products { display: grid; grid-template-columns: repeat(auto-fill, minmax(12em, 1fr)); gap: 16px; list-style: none; padding: 0; }
  .products li { background: #fff; border: 1px solid #d8cfc4; padding: 12px; }
  .price { font-weight: bold; }
  .tools { border-top: 4px dashed #3d2b1f; font: 14px/1.45 system-ui, sans-serif; }
  .tools { overflow-wrap: anywhere; }
  .tools section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 16px; margin: 12px 0; }
  .tools .scroll { overflow-x: auto; }
  .tools h2 { font-family: system-ui, sans-serif; text-transform: none; letter-spacing: 0; color: #222; }
  .tools code { background: #eef; padding: 0 4px; border-radius: 3px; overflow-wrap: anywhere; }
  .tools table { border-collapse: collapse; font-size: 13px; } .tools td, .tools th { border-bottom: 1px solid #eee; padding: 3px 8px; text-align: left; vertical-align: top; }
  .muted { color: #595959; }
  #widgets-commands [data-field] { overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 13px; }
`

const PRODUCTS = [
  ['Dark roast coffee, 1 kg', '18.90'],
  ['Ceramic pour-over', '24.00'],
  ['Hand grinder', '59.00'],
]

/** `/i/<name>/`: a page like a customer's shop, with the GWE tracker present, and the preview's tools below it. */
export function customerPage(site: Site, query: URLSearchParams = new URLSearchParams()): string {
  const cfg = customerConfig(site)
  const notify = site.paths.notify
  const gmsMode = cfg.gms
    ? `<section><h2>GMS stand-in</h2><label>GMS answers <select id="gms-mode">
<option value="200">normally</option><option value="503">503 Service Unavailable</option><option value="500">500 Internal Server Error</option><option value="404">404 Not Found</option>
</select></label></section>`
    : ''
  const widgets = cfg.widgets ? widgetsSection(site, query) : {section: '', scripts: ''}
  const vendor = cfg.vendorFunction
    ? `<section><h2>Vendor function <code>${htmlText(cfg.vendorFunction)}</code> (stand-in)</h2><ol id="vendor-calls"></ol></section>`
    : ''
  const products = PRODUCTS.map(
    ([name, price]) => `<li><h3>${htmlText(name)}</h3><p class="price">€${price}</p><button type="button">Add to basket</button></li>`,
  ).join('\n')
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(`Example shop · ${site.name} · gwe-int preview`)}</title>
<style>${SHOP_STYLE}</style>
</head>
<body>
<header>
<p class="shop-name">Example shop</p>
<nav aria-label="Shop"><ul><li><a href="#products">Coffee</a></li><li><a href="#products">Equipment</a></li><li><a href="#search">Search</a></li><li>${link('/', 'All integrations')}</li></ul></nav>
</header>
<main>
<h1>Fresh coffee, roasted this week</h1>
<p>This page stands in for a customer's web page with the GWE tracker (<code>_gt</code>) loaded: the invitation appears on top of it as it would on the real site.</p>
<form id="search" role="search" onsubmit="return false"><label for="q">Search the shop</label> <input id="q" type="search" name="q" autocomplete="off"> <button type="submit">Search</button></form>
<h2 id="products">Bestsellers</h2>
<ul class="products">
${products}
</ul>
</main>
<aside class="tools" aria-labelledby="tools-title">
<h2 id="tools-title">gwe-int preview: ${htmlText(site.name)} <span class="muted">(${htmlText(site.medium.title)})</span></h2>
<section><h2>GWE tracker stand-in</h2>
<p>visitID <code id="visit-id"></code> · pageID <code id="page-id"></code> <span class="muted">(set them with <code>?visitID=…&amp;pageID=…</code>; <code>?tracker=absent</code> leaves <code>_gt</code> out)</span></p>
<p>Notification channel: <span id="channel-status" data-state="connecting">connecting…</span></p>
</section>
<section><h2>Invitation</h2>
<p><button type="button" id="deliver">Deliver invitation</button> <span id="deliver-status" class="muted"></span></p>
<p class="muted">Runs the Engagement Logic snippet (${link(site.paths.snippet, 'notification-message.js')}) and posts its notification to the Notification Service stand-in, which pushes it to this page, as GWE does. From a shell: <code>sh notify.sh VISIT_ID PAGE_ID</code> with ${link(notify, 'notify.sh')}.</p>
<h2>Invitation results</h2><ol id="invite-results"></ol>
</section>
${gmsMode}${widgets.section}${vendor}
<section><h2>Log</h2><ol id="log"></ol></section>
<section><h2>Requests received <span class="muted">(${link(cfg.requestsUrl, 'JSON')})</span></h2>
<div class="scroll" tabindex="0" role="region" aria-label="Requests received, scrollable"><table><thead><tr><th>#</th><th>to</th><th>request</th><th>parameters</th><th>gms_user</th><th>status</th></tr></thead><tbody id="requests"></tbody></table></div>
</section>
</aside>
<footer><p>Example shop · 1 Market Street · <a href="#search">Contact</a></p></footer>
<script type="application/json" id="gwe-int-preview-config">${jsonForScript(cfg)}</script>
<script src="${htmlAttr(CLIENT_SCRIPT_PATH)}"></script>${widgets.scripts}
</body>
</html>
`
}

/** Where the page includes the generated extension relative to the Widgets script. */
export type ExtensionOrder = 'before' | 'after' | 'absent'

const ORDERS: readonly {order: ExtensionOrder; label: string}[] = [
  {order: 'before', label: 'configuration, extension, Widgets script (the documented order)'},
  {order: 'after', label: 'configuration, Widgets script, extension (wrong: Widgets never runs it)'},
  {order: 'absent', label: 'no extension on the page'},
]

/**
 * The site's own Genesys Widgets configuration, as a customer would have it: a webchat and a
 * callback userData of its own, which the invitation's userData must not lose.
 */
export const SITE_WIDGETS_CONFIG = {
  main: {},
  webchat: {userData: {shopSection: 'checkout'}},
  callback: {userData: {shopSection: 'checkout'}},
}

/**
 * The Widgets part of the customer page: the configuration, the generated extension and the
 * Widgets stand-in in the order `?extension=` asks for, and with `?widgets=later` the Widgets
 * script loads only when the visitor clicks (an invitation accepted before that must wait).
 */
function widgetsSection(site: Site, query: URLSearchParams): {section: string; scripts: string} {
  const asked = query.get('extension')
  const order: ExtensionOrder = asked === 'after' || asked === 'absent' ? asked : 'before'
  const later = query.get('widgets') === 'later'
  const extension = site.paths.extension ? `<script src="${htmlAttr(site.paths.extension)}"></script>` : ''
  const standIn = `<script src="${htmlAttr(WIDGETS_STANDIN_PATH)}"></script>`
  const config = `<script>window._genesys = ${jsonForScript({widgets: SITE_WIDGETS_CONFIG})};</script>`
  const widgetsScript = later ? '' : standIn
  const scripts = `\n${config}\n${order === 'before' ? extension : ''}${widgetsScript}${order === 'after' ? extension : ''}`
  const orders = ORDERS.map(
    ({order: o, label}) => `<li>${o === order ? `<strong>${htmlText(label)}</strong>` : link(`${site.paths.page}?extension=${o}`, label)}</li>`,
  ).join('')
  const loader = later
    ? `<p><button type="button" id="widgets-load" data-src="${htmlAttr(WIDGETS_STANDIN_PATH)}">Load Genesys Widgets now</button> <span class="muted">(the Widgets script is not on the page yet: an invitation accepted now waits for it)</span></p>`
    : `<p class="muted">${link(`${site.paths.page}?widgets=later`, 'Load Widgets only on a click')}, to accept an invitation before Widgets has initialised.</p>`
  const rules = WIDGETS_RULES.map((r) => `<li>${htmlText(r.rule)} <span class="muted">${link(r.source, r.source)}</span></li>`).join('')
  const section = `<section id="widgets-standin"><h2>Genesys Widgets (stand-in)</h2>
<p>Status: <span id="widgets-status" data-state="${later ? 'not-loaded' : 'loading'}">${later ? 'not loaded' : 'loading…'}</span></p>
<p>Include order on this page:</p><ol id="widgets-order" data-order="${htmlAttr(order)}">${orders}</ol>
${loader}
<h2>Commands received</h2><ol id="widgets-commands"></ol>
<details><summary>Stand-in events</summary><ol id="widgets-events"></ol></details>
<details><summary>What the stand-in checks</summary><ul>${rules}</ul></details>
</section>`
  return {section, scripts}
}

/** The third-party vendor's page: shows (and the server records) the query it was opened with. */
export function vendorPage(site: Site, query: Record<string, string>): string {
  const rows = Object.entries(query)
    .map(([k, v]) => `<tr data-key="${htmlAttr(k)}"><th>${htmlText(k)}</th><td>${htmlText(v)}</td></tr>`)
    .join('')
  return layout(
    `Vendor chat · ${site.name}`,
    `<h1>Vendor chat <span class="muted">(gwe-int preview stand-in)</span></h1>
<p id="vendor-status">The vendor's chat would start here. No Genesys interaction is created for third-party media.</p>
<table id="vendor-query"><tbody>${rows || '<tr><td class="muted">no query parameters</td></tr>'}</tbody></table>`,
  )
}

export function errorPage(title: string, message: string): string {
  return layout(title, `<h1>${htmlText(title)}</h1><p class="error">${htmlText(message)}</p><p>${link('/', 'all integrations')}</p>`)
}
