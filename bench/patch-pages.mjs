#!/usr/bin/env node
// @ts-check
/**
 * Realistic pages for the `patch` case of `npm run bench`, generated
 * deterministically (same bytes on every run and machine):
 *
 * - invite-2k: the invitation fixture (test/fixtures/patch/guide-invite), as a team
 *   keeps it, about 2 KB;
 * - invite-50k, invite-200k: the same invitation inside a typical CMS page (theme
 *   CSS inline, JSON-LD, a tag-manager snippet, a site config object, a mega menu,
 *   articles with figures, a pricing table, a newsletter form with a <select>, SVG
 *   icons, footer link columns, inline theme and cookie-consent scripts), grown by
 *   article sections to about 50 KB and 200 KB;
 * - widget-4k, widget-50k, widget-200k: the GMS sample widget fixture
 *   (test/fixtures/patch/guide-gms-widget), bare and padded the same way.
 *
 *   node bench/patch-pages.mjs DIR   writes the pages (DIR/<id>.html) and prints their sizes
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/** @typedef {() => number} Random a source of numbers in [0, 1) */

/**
 * Deterministic pseudo-random numbers (mulberry32).
 * @param {number} start the starting state
 * @returns {Random}
 */
function rng(start) {
  let a = start >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = (
  'account agent answer benefit billing branch business call care change chat check client contact cover customer data day delivery ' +
  'device discount energy family fast fee form free guide help home hour insurance internet invoice line loan mobile money month ' +
  'network offer online order payment phone plan policy price product question rate request saving service simple support team ' +
  'time today travel update upgrade visit week welcome your easy new best secure local trusted flexible personal monthly'
).split(' ')

/**
 * @param {Random} r
 * @param {number} n
 */
function words(r, n) {
  const out = []
  for (let k = 0; k < n; k++) out.push(WORDS[Math.floor(r() * WORDS.length)])
  return out.join(' ')
}
/**
 * @param {Random} r
 * @param {number} n
 */
const sentence = (r, n) => {
  const s = words(r, n)
  return `${s[0].toUpperCase()}${s.slice(1)}.`
}
/**
 * @param {Random} r
 * @param {number} [n]
 */
const slug = (r, n = 2) => words(r, n).replace(/ /g, '-')

/** @param {Random} r */
function paragraph(r) {
  const parts = []
  const count = 3 + Math.floor(r() * 4)
  for (let k = 0; k < count; k++) {
    const s = sentence(r, 8 + Math.floor(r() * 12))
    const pick = r()
    if (pick < 0.2) parts.push(`<a href="/${slug(r)}/" title="${words(r, 3)}">${s}</a>`)
    else if (pick < 0.3) parts.push(`<strong>${s}</strong>`)
    else if (pick < 0.38) parts.push(`<em>${s}</em>`)
    else if (pick < 0.42) parts.push(`${s.slice(0, -1)} &amp; ${words(r, 3)} &mdash; ${words(r, 2)}.`)
    else parts.push(s)
  }
  return `<p>${parts.join(' ')}</p>`
}

/** @param {string} name */
const icon = (name) => `<svg class="icon icon-${name}" aria-hidden="true" focusable="false" width="16" height="16"><use href="#icon-${name}"></use></svg>`

/**
 * @param {Random} r
 * @param {number} rules
 */
function themeCss(r, rules) {
  const props = [
    'margin: 0 auto',
    'padding: 12px 16px',
    'color: #1a1a2e',
    'background-color: #f5f7fa',
    'font-size: 1.0625rem',
    'line-height: 1.6',
    'display: flex',
    'gap: 1.5rem',
    'border-radius: 6px',
    'box-shadow: 0 1px 3px rgba(0,0,0,.12)',
    'max-width: 1200px',
    'text-decoration: none',
    'transition: color .2s ease-in-out',
  ]
  const out = []
  for (let k = 0; k < rules; k++) {
    const sel = `.${slug(r)} ${['a', 'p', '.btn', 'li > a', '.card__title', 'img'][k % 6]}${k % 5 === 0 ? ':hover' : ''}`
    const body = Array.from({length: 2 + Math.floor(r() * 4)}, () => props[Math.floor(r() * props.length)]).join('; ')
    out.push(k % 17 === 0 ? `@media (max-width: 768px) { ${sel} { ${body}; } }` : `${sel} { ${body}; }`)
  }
  return out.join('\n')
}

/**
 * @param {Random} r
 * @param {string} title
 */
function head(r, title) {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title} | Example Telecom</title>`,
    `<meta name="description" content="${sentence(r, 20)}">`,
    `<meta property="og:title" content="${title}">`,
    '<meta property="og:type" content="website">',
    '<meta property="og:image" content="https://www.example.com/wp-content/uploads/2024/05/hero-1200x630.jpg">',
    '<link rel="canonical" href="https://www.example.com/support/">',
    '<link rel="preconnect" href="https://fonts.example-cdn.com" crossorigin>',
    '<link rel="stylesheet" id="theme-style-css" href="/wp-content/themes/example/style.css?ver=6.4.3" media="all">',
    '<link rel="stylesheet" id="block-library-css" href="/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3" media="all">',
    `<style id="theme-inline-css">\n${themeCss(r, 60)}\n</style>`,
    `<script type="application/ld+json">${JSON.stringify({'@context': 'https://schema.org', '@type': 'Organization', name: 'Example Telecom', url: 'https://www.example.com/', logo: 'https://www.example.com/logo.png', contactPoint: [{'@type': 'ContactPoint', telephone: '+1-800-555-0100', contactType: 'customer service', availableLanguage: ['English', 'French']}], sameAs: ['https://twitter.com/example', 'https://www.linkedin.com/company/example']})}</script>`,
    "<script>\n(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-XXXXXX');\n</script>",
    `<script id="site-config">\nvar siteConfig = ${JSON.stringify({ajaxUrl: '/wp-admin/admin-ajax.php', nonce: 'a1b2c3d4e5', locale: 'en_US', i18n: Object.fromEntries(Array.from({length: 30}, (_, k) => [`msg${k}`, sentence(r, 6)])), menus: Array.from({length: 12}, (_, k) => ({id: k, slug: slug(r), children: k % 3}))}, null, 2)};\n</script>`,
    '<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>',
  ].join('\n')
}

function sprite() {
  const paths = {
    phone:
      'M6.6 10.8a15.1 15.1 0 006.6 6.6l2.2-2.2a1 1 0 011-.2 11.4 11.4 0 003.6.6 1 1 0 011 1V20a1 1 0 01-1 1A17 17 0 013 4a1 1 0 011-1h3.5a1 1 0 011 1 11.4 11.4 0 00.6 3.6 1 1 0 01-.3 1z',
    chat: 'M20 2H4a2 2 0 00-2 2v18l4-4h14a2 2 0 002-2V4a2 2 0 00-2-2z',
    search: 'M15.5 14h-.8l-.3-.3A6.5 6.5 0 109.5 16a6.5 6.5 0 004.2-1.6l.3.3v.8l5 5 1.5-1.5zm-6 0a4.5 4.5 0 110-9 4.5 4.5 0 010 9z',
    arrow: 'M12 4l-1.4 1.4L16.2 11H4v2h12.2l-5.6 5.6L12 20l8-8z',
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:none">${Object.entries(paths)
    .map(([n, d]) => `<symbol id="icon-${n}" viewBox="0 0 24 24"><path d="${d}"/></symbol>`)
    .join('')}</svg>`
}

/** @param {Random} r */
function megaMenu(r) {
  const cols = []
  for (let c = 0; c < 6; c++) {
    const items = Array.from({length: 8}, () => `<li class="menu-item"><a href="/${slug(r)}/${slug(r)}/">${words(r, 2)}</a></li>`).join('\n')
    cols.push(`<li class="menu-item menu-item-has-children"><a href="/${slug(r)}/">${words(r, 1)}</a>\n<ul class="sub-menu">\n${items}\n</ul></li>`)
  }
  return `<header class="site-header">\n<a class="skip-link" href="#main">Skip to content</a>\n<a href="/" class="logo"><img src="/logo.svg" alt="Example Telecom" width="160" height="40"></a>\n<nav aria-label="Main">\n<ul id="menu-main" class="menu">\n${cols.join('\n')}\n</ul>\n</nav>\n<form role="search" action="/"><label class="screen-reader-text" for="s">Search</label><input type="search" id="s" name="s">${icon('search')}</form>\n</header>`
}

/**
 * @param {Random} r
 * @param {number} n
 */
function section(r, n) {
  const parts = [`<section class="content-section" id="section-${n}">`, `<h2>${sentence(r, 5).slice(0, -1)}</h2>`]
  for (let k = 0; k < 3; k++) parts.push(paragraph(r))
  const img = slug(r)
  parts.push(
    `<figure class="wp-block-image size-large"><img src="/wp-content/uploads/2024/05/${img}-1024x576.jpg" srcset="/wp-content/uploads/2024/05/${img}-300x169.jpg 300w, /wp-content/uploads/2024/05/${img}-768x432.jpg 768w, /wp-content/uploads/2024/05/${img}-1024x576.jpg 1024w" sizes="(max-width: 1024px) 100vw, 1024px" alt="${words(r, 4)}" loading="lazy" decoding="async" width="1024" height="576"><figcaption>${sentence(r, 9)}</figcaption></figure>`,
  )
  parts.push(`<ul class="wp-block-list">\n${Array.from({length: 5}, () => `<li>${sentence(r, 7)}</li>`).join('\n')}\n</ul>`)
  if (n % 3 === 1) {
    const rows = Array.from(
      {length: 4},
      (_, k) =>
        `<tr><th scope="row">${words(r, 2)}</th><td>$${(10 + k * 15).toFixed(2)}</td><td>${words(r, 3)}</td><td>${k % 2 ? '&check;' : '&ndash;'}</td></tr>`,
    ).join('\n')
    parts.push(
      `<table class="pricing"><caption>${sentence(r, 4)}</caption><thead><tr><th>Plan</th><th>Price</th><th>Includes</th><th>Support</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    )
  }
  if (n % 4 === 2) parts.push(`<blockquote class="testimonial"><p>${sentence(r, 18)}</p><cite>${words(r, 2)}</cite></blockquote>`)
  parts.push(
    `<p class="cta"><a class="btn btn-primary" href="/contact/">${icon('chat')} ${words(r, 3)}</a> <a class="btn" href="tel:+18005550100">${icon('phone')} 1-800-555-0100</a></p>`,
  )
  parts.push('</section>')
  return parts.join('\n')
}

/** @param {Random} r */
function sidebar(r) {
  return `<aside class="sidebar">\n<div class="widget"><h3>Popular topics</h3><ul>\n${Array.from({length: 10}, () => `<li><a href="/help/${slug(r, 3)}/">${sentence(r, 5)}</a></li>`).join('\n')}\n</ul></div>\n<div class="widget newsletter"><h3>Newsletter</h3><form action="/subscribe" method="post"><label for="nl-email">Email</label><input id="nl-email" type="email" name="email" required><label for="nl-country">Country</label><select id="nl-country" name="country"><option value="us">United States</option><option value="ca">Canada</option><option value="fr">France</option><option value="de">Germany</option><option value="gb">United Kingdom</option></select><button type="submit">Subscribe</button></form></div>\n</aside>`
}

/** @param {Random} r */
function footer(r) {
  const cols = Array.from(
    {length: 4},
    () =>
      `<div class="footer-col"><h4>${words(r, 2)}</h4><ul>${Array.from({length: 7}, () => `<li><a href="/${slug(r)}/">${words(r, 2)}</a></li>`).join('')}</ul></div>`,
  ).join('\n')
  return `<footer class="site-footer">\n${cols}\n<p class="copyright">&copy; 2024 Example Telecom. ${sentence(r, 12)}</p>\n</footer>`
}

/** An inline theme script of about `bytes` characters (the kind a CMS theme prints in the page). */
/**
 * @param {Random} r
 * @param {number} n
 * @param {number} bytes
 */
function themeScript(r, n, bytes) {
  const fns = [`/* theme chunk ${n} */`, '(function ($) {', "    'use strict';"]
  for (let k = 0; fns.join('\n').length < bytes; k++) {
    const name = `${slug(r).replace(/-/g, '_')}_${n}_${k}`
    fns.push(
      `    function ${name}(el, opts) {\n        var settings = $.extend({speed: ${100 + k}, selector: '.${slug(r)}', label: "${words(r, 3)}"}, opts || {});\n        if (!el || el.length === 0) { return; }\n        $(el).find(settings.selector).each(function (i, item) {\n            if (i > 0 && i % 3 === 0 && item.offsetTop < window.innerHeight) { $(item).addClass('is-visible'); }\n            $(item).attr('aria-label', settings.label + ' ' + (i + 1));\n        });\n    }\n    $(document).on('click', '.${slug(r)}', function (e) { ${name}(e.currentTarget); });`,
    )
  }
  fns.push('})(jQuery);')
  return `<script id="theme-chunk-${n}">\n${fns.join('\n')}\n</script>`
}

function cookieConsent() {
  return "<div id=\"cookie-banner\" role=\"dialog\" aria-label=\"Cookies\" hidden><p>We use cookies to improve your experience.</p><button id=\"cookie-accept\">Accept</button></div>\n<script>\n(function () {\n    var banner = document.getElementById('cookie-banner');\n    if (document.cookie.indexOf('consent=1') < 0) { banner.hidden = false; }\n    document.getElementById('cookie-accept').addEventListener('click', function () {\n        document.cookie = 'consent=1; max-age=31536000; path=/';\n        banner.hidden = true;\n    });\n})();\n</script>"
}

/**
 * A CMS page of about `bytes` characters around `inner` (markup for the body) and
 * `headExtra` (markup for the head), grown by article sections and inline theme
 * scripts (about a fifth of the page is inline script, as on a typical CMS page).
 * @param {number} bytes
 * @param {{title: string, headExtra?: string, inner: string, variant: number}} parts
 */
function cmsPage(bytes, {title, headExtra = '', inner, variant}) {
  const r = rng(variant)
  const top = `<!DOCTYPE html>\n<html lang="en-US">\n<head>\n${head(r, title)}\n${headExtra}\n</head>\n<body class="page-template-default page">\n${sprite()}\n${megaMenu(r)}\n<main id="main" class="site-main">\n<article class="page type-page">\n<h1>${title}</h1>\n`
  const bottomStart = `</article>\n${sidebar(r)}\n</main>\n${footer(r)}\n${inner}\n${cookieConsent()}\n`
  const end = '</body>\n</html>\n'
  const sections = []
  const scripts = []
  let size = top.length + bottomStart.length + end.length
  for (let n = 0; size < bytes; n++) {
    const s = section(r, n)
    sections.push(s)
    size += s.length + 1
    // One theme script per ~25 KB of page, sized to a fifth of it.
    if (n % 6 === 5 && size < bytes) {
      const js = themeScript(r, scripts.length, Math.min(5000, Math.floor((bytes - size) / 4)))
      scripts.push(js)
      size += js.length + 1
    }
  }
  return `${top}${sections.join('\n')}\n${bottomStart}${scripts.join('\n')}\n${end}`
}

/**
 * The bench's pages: {id, kind, bytes, content}, in a fixed order.
 * @param {string} root the checkout
 */
export function patchPages(root) {
  /** @param {string} name */
  const fixture = (name) => fs.readFileSync(path.join(root, 'test/fixtures/patch', name, 'input.html'), 'utf8')
  const invite = fixture('guide-invite')
  const widget = fixture('guide-gms-widget')
  // The widget is a whole document: its head goes to the CMS page's head, its body inside the page.
  const widgetHead = widget
    .slice(widget.indexOf('<head>') + 6, widget.indexOf('</head>'))
    .replace(/<meta charset="utf-8">\n?/, '')
    .replace(/<title>[^<]*<\/title>\n?/, '')
  const widgetBody = widget.slice(widget.indexOf('<body>') + 6, widget.indexOf('</body>'))
  const pages = [
    {id: 'invite-2k', kind: 'invite', content: invite},
    {id: 'invite-50k', kind: 'invite', content: cmsPage(50 * 1024, {title: 'Customer support', inner: invite, variant: 50})},
    {id: 'invite-200k', kind: 'invite', content: cmsPage(200 * 1024, {title: 'Customer support', inner: invite, variant: 200})},
    {id: 'widget-4k', kind: 'gms-widget', content: widget},
    {id: 'widget-50k', kind: 'gms-widget', content: cmsPage(50 * 1024, {title: 'Contact us', headExtra: widgetHead, inner: widgetBody, variant: 51})},
    {id: 'widget-200k', kind: 'gms-widget', content: cmsPage(200 * 1024, {title: 'Contact us', headExtra: widgetHead, inner: widgetBody, variant: 201})},
  ]
  return pages.map((p) => ({...p, bytes: Buffer.byteLength(p.content)}))
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2]
  if (!dir) {
    process.stderr.write('usage: node bench/patch-pages.mjs DIR\n')
    process.exit(2)
  }
  fs.mkdirSync(dir, {recursive: true})
  const root = fileURLToPath(new URL('..', import.meta.url))
  for (const p of patchPages(root)) {
    fs.writeFileSync(path.join(dir, `${p.id}.html`), p.content)
    process.stdout.write(`${p.id}.html\t${p.bytes} bytes\t${(p.content.match(/<script\b/gi) ?? []).length} scripts\n`)
  }
}
