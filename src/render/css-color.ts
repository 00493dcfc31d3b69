/**
 * CSS colours for branding: parsing what an integrator may write (hex, rgb(), hsl(),
 * the named colours), and the contrast arithmetic of WCAG 2.1 so the generated pages
 * keep 4.5:1 text contrast whatever accent colour is configured. Only parsed colours
 * ever reach a stylesheet, re-written as `#rrggbb`, so nothing else can be smuggled
 * into a <style> element.
 */

export interface Rgb {
  r: number
  g: number
  b: number
}

/* The CSS named colours (CSS Color Module Level 4), name -> rrggbb. */
const NAMED_SOURCE =
  'aliceblue f0f8ff antiquewhite faebd7 aqua 00ffff aquamarine 7fffd4 azure f0ffff beige f5f5dc bisque ffe4c4 black 000000 ' +
  'blanchedalmond ffebcd blue 0000ff blueviolet 8a2be2 brown a52a2a burlywood deb887 cadetblue 5f9ea0 chartreuse 7fff00 ' +
  'chocolate d2691e coral ff7f50 cornflowerblue 6495ed cornsilk fff8dc crimson dc143c cyan 00ffff darkblue 00008b ' +
  'darkcyan 008b8b darkgoldenrod b8860b darkgray a9a9a9 darkgreen 006400 darkgrey a9a9a9 darkkhaki bdb76b ' +
  'darkmagenta 8b008b darkolivegreen 556b2f darkorange ff8c00 darkorchid 9932cc darkred 8b0000 darksalmon e9967a ' +
  'darkseagreen 8fbc8f darkslateblue 483d8b darkslategray 2f4f4f darkslategrey 2f4f4f darkturquoise 00ced1 ' +
  'darkviolet 9400d3 deeppink ff1493 deepskyblue 00bfff dimgray 696969 dimgrey 696969 dodgerblue 1e90ff ' +
  'firebrick b22222 floralwhite fffaf0 forestgreen 228b22 fuchsia ff00ff gainsboro dcdcdc ghostwhite f8f8ff ' +
  'gold ffd700 goldenrod daa520 gray 808080 green 008000 greenyellow adff2f grey 808080 honeydew f0fff0 ' +
  'hotpink ff69b4 indianred cd5c5c indigo 4b0082 ivory fffff0 khaki f0e68c lavender e6e6fa lavenderblush fff0f5 ' +
  'lawngreen 7cfc00 lemonchiffon fffacd lightblue add8e6 lightcoral f08080 lightcyan e0ffff ' +
  'lightgoldenrodyellow fafad2 lightgray d3d3d3 lightgreen 90ee90 lightgrey d3d3d3 lightpink ffb6c1 ' +
  'lightsalmon ffa07a lightseagreen 20b2aa lightskyblue 87cefa lightslategray 778899 lightslategrey 778899 ' +
  'lightsteelblue b0c4de lightyellow ffffe0 lime 00ff00 limegreen 32cd32 linen faf0e6 magenta ff00ff maroon 800000 ' +
  'mediumaquamarine 66cdaa mediumblue 0000cd mediumorchid ba55d3 mediumpurple 9370db mediumseagreen 3cb371 ' +
  'mediumslateblue 7b68ee mediumspringgreen 00fa9a mediumturquoise 48d1cc mediumvioletred c71585 ' +
  'midnightblue 191970 mintcream f5fffa mistyrose ffe4e1 moccasin ffe4b5 navajowhite ffdead navy 000080 ' +
  'oldlace fdf5e6 olive 808000 olivedrab 6b8e23 orange ffa500 orangered ff4500 orchid da70d6 palegoldenrod eee8aa ' +
  'palegreen 98fb98 paleturquoise afeeee palevioletred db7093 papayawhip ffefd5 peachpuff ffdab9 peru cd853f ' +
  'pink ffc0cb plum dda0dd powderblue b0e0e6 purple 800080 rebeccapurple 663399 red ff0000 rosybrown bc8f8f ' +
  'royalblue 4169e1 saddlebrown 8b4513 salmon fa8072 sandybrown f4a460 seagreen 2e8b57 seashell fff5ee ' +
  'sienna a0522d silver c0c0c0 skyblue 87ceeb slateblue 6a5acd slategray 708090 slategrey 708090 snow fffafa ' +
  'springgreen 00ff7f steelblue 4682b4 tan d2b48c teal 008080 thistle d8bfd8 tomato ff6347 turquoise 40e0d0 ' +
  'violet ee82ee wheat f5deb3 white ffffff whitesmoke f5f5f5 yellow ffff00 yellowgreen 9acd32'

let named: Map<string, string> | undefined
const namedColors = (): Map<string, string> => {
  if (!named) {
    const parts = NAMED_SOURCE.split(' ')
    named = new Map()
    for (let i = 0; i < parts.length; i += 2) named.set(parts[i], parts[i + 1])
  }
  return named
}

const NUM = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`
const SEP = String.raw`(?:\s*,\s*|\s+)`
const ALPHA = String.raw`(?:\s*[,/]\s*(${NUM})(%?))?`
const RGB = new RegExp(String.raw`^rgba?\(\s*(${NUM})(%?)${SEP}(${NUM})(%?)${SEP}(${NUM})(%?)${ALPHA}\s*\)$`, 'i')
const HSL = new RegExp(String.raw`^hsla?\(\s*(${NUM})(deg|turn|rad|grad)?${SEP}(${NUM})%${SEP}(${NUM})%${ALPHA}\s*\)$`, 'i')

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x))

/** Blends a colour with alpha `a` over white: how an accent looks on the white surfaces it sits on. */
const overWhite = (c: Rgb, a: number): Rgb => ({r: c.r * a + 255 * (1 - a), g: c.g * a + 255 * (1 - a), b: c.b * a + 255 * (1 - a)})

function alphaOf(value: string | undefined, percent: string | undefined): number {
  if (value === undefined) return 1
  return clamp(percent ? Number(value) / 100 : Number(value))
}

function hslToRgb(h: number, s: number, l: number): Rgb {
  // CSS Color 4, "Converting HSL colors to sRGB colors".
  const f = (n: number) => {
    const k = (n + h / 30) % 12
    const a = s * Math.min(l, 1 - l)
    return 255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1)))
  }
  return {r: f(0), g: f(8), b: f(4)}
}

/**
 * The colour `value` denotes (alpha blended over white), or undefined when it is not
 * a CSS colour gwe-int understands: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`,
 * `rgb()`/`rgba()`, `hsl()`/`hsla()`, or a named colour.
 */
export function parseCssColor(value: string): Rgb | undefined {
  const s = value.trim().toLowerCase()
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s)?.[1] ?? namedColors().get(s)
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex
    const n = (i: number) => parseInt(full.slice(i, i + 2), 16)
    return overWhite({r: n(0), g: n(2), b: n(4)}, full.length === 8 ? n(6) / 255 : 1)
  }
  const rgb = RGB.exec(s)
  if (rgb) {
    // Percentages and numbers may not be mixed (CSS Color 4).
    if (!(rgb[2] === rgb[4] && rgb[4] === rgb[6])) return undefined
    const ch = (v: string) => clamp(rgb[2] ? (Number(v) / 100) * 255 : Number(v), 0, 255)
    return overWhite({r: ch(rgb[1]), g: ch(rgb[3]), b: ch(rgb[5])}, alphaOf(rgb[7], rgb[8]))
  }
  const hsl = HSL.exec(s)
  if (hsl) {
    const unit = hsl[2] ?? 'deg'
    const turns = {deg: 1 / 360, turn: 1, rad: 1 / (2 * Math.PI), grad: 1 / 400}[unit as 'deg']
    const h = ((((Number(hsl[1]) * turns) % 1) + 1) % 1) * 360
    return overWhite(hslToRgb(h, clamp(Number(hsl[3]) / 100), clamp(Number(hsl[4]) / 100)), alphaOf(hsl[5], hsl[6]))
  }
  return undefined
}

export const toHex = (c: Rgb): string =>
  `#${[c.r, c.g, c.b]
    .map((x) =>
      Math.round(clamp(x, 0, 255))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`

/** Relative luminance (WCAG 2.1). */
export function luminance(c: Rgb): number {
  const lin = (v: number) => {
    const x = v / 255
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/** Contrast ratio (WCAG 2.1), 1 to 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

const WHITE: Rgb = {r: 255, g: 255, b: 255}
const BLACK: Rgb = {r: 0, g: 0, b: 0}
/** --gwe-int-surface, the darkest background accent-coloured text sits on. */
const SURFACE: Rgb = {r: 0xf6, g: 0xf8, b: 0xfa}

/** The default accent: a blue with 6.5:1 against white. */
export const DEFAULT_ACCENT = '#1f5eb8'

/** Colours the stylesheet derives from the accent, each meeting WCAG 2.1 AA. */
export interface AccentPalette {
  /** The accent itself (primary buttons), as #rrggbb. */
  accent: string
  /** Text on the accent: white or black, whichever contrasts more (at least 4.58:1 for any colour). */
  accentText: string
  /** The accent darkened as little as needed for 4.5:1 on the pages' light grey: links, outlines, focus rings. */
  accentInk: string
}

export function accentPalette(value: string = DEFAULT_ACCENT): AccentPalette {
  const c = parseCssColor(value)
  if (!c) throw new Error(`not a CSS colour: ${value}`)
  const text = contrast(c, WHITE) >= contrast(c, BLACK) ? WHITE : BLACK
  let ink = {r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b)}
  for (let k = 1; contrast(ink, SURFACE) < 4.5 && k <= 20; k += 1) {
    const f = 1 - k / 20
    ink = {r: Math.round(c.r * f), g: Math.round(c.g * f), b: Math.round(c.b * f)}
  }
  return {accent: toHex(c), accentText: toHex(text), accentInk: toHex(ink)}
}
