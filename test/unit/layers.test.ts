/**
 * The source folders form layers that only point down, and no file imports itself back
 * through others. Read from the import statements of src/ (static, type-only, re-exports
 * and import()), so a new file is checked the day it is written.
 */
import fs from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'

const SRC = path.join(path.dirname(new URL(import.meta.url).pathname), '../../src')

/** What each folder may import besides itself. Anything not listed is a layer violation. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  shared: [],
  locales: ['shared'],
  catalog: ['shared', 'locales'],
  render: ['shared', 'locales', 'catalog'],
  patch: ['shared', 'locales', 'catalog', 'render'],
  core: ['shared', 'locales', 'catalog', 'render', 'patch'],
  preview: ['shared', 'locales', 'catalog', 'render', 'patch', 'core'],
  cli: ['shared', 'locales', 'catalog', 'render', 'patch', 'core'],
  commands: ['shared', 'locales', 'catalog', 'render', 'patch', 'core', 'preview', 'cli'],
  hooks: ['shared', 'cli'],
  help: ['shared', 'catalog', 'cli'],
}

/**
 * The same inside core: one integration (its schema, checks, resolution and view model),
 * then the config file, then the plan -> assess -> apply machinery, then the operations at
 * the top of core (new, generate, patch, eject, with the warnings and result they hand back),
 * and doctor, which checks what an operation would write against a live installation.
 */
const CORE_MAY_IMPORT: Record<string, readonly string[]> = {
  'core/integration': [],
  'core/config': ['core/integration'],
  'core/write': ['core/integration', 'core/config'],
  core: ['core/integration', 'core/config', 'core/write'],
  'core/doctor': ['core/integration', 'core/config', 'core/write', 'core'],
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return e.name.endsWith('.ts') ? [full] : []
  })
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm

/** Every project file a file imports, as paths relative to src/ without extension. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  return [...text.matchAll(SPECIFIER)].map((m) => {
    const target = path.resolve(path.dirname(file), m[1]).replace(/\.js$/, '')
    const resolved = fs.existsSync(`${target}.ts`) ? target : path.join(target, 'index')
    return path.relative(SRC, resolved).split(path.sep).join('/')
  })
}

const graph = new Map(sourceFiles(SRC).map((f) => [path.relative(SRC, f).split(path.sep).join('/').replace(/\.ts$/, ''), importsOf(f)]))
const folderOf = (file: string) => (file.includes('/') ? file.split('/')[0] : '(top)')
/** `core` for the operations at the top of core, `core/<folder>` below it. */
const coreLayerOf = (file: string) => {
  const parts = file.split('/')
  return parts.length > 2 ? `core/${parts[1]}` : 'core'
}

/** The strongly connected groups of more than one file (Tarjan), i.e. the import cycles. */
function cycles(): string[][] {
  let counter = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    index.set(v, counter)
    low.set(v, counter++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        group.push(w)
      } while (w !== v)
      if (group.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(group.sort())
    }
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return found
}

describe('source layers', () => {
  it('reads the imports of every source file (the scan finds the known entry points)', () => {
    expect(graph.get('commands/new')).toEqual(expect.arrayContaining(['cli/command-base', 'core/new']))
    expect(graph.get('core/config/config')).toContain('core/config/config-schema')
    expect(graph.get('core/write/plan')).toContain('core/integration/template-context')
    for (const [file, imports] of graph)
      for (const target of imports) expect(graph.has(target), `${file} imports ${target}, which is not a source file`).toBe(true)
  })

  it('has no file at the top of src/: every file sits in the folder of its layer', () => {
    expect([...graph.keys()].filter((f) => !f.includes('/'))).toEqual([])
    expect([...new Set([...graph.keys()].map(folderOf))].filter((f) => !(f in MAY_IMPORT))).toEqual([])
  })

  it('imports only downwards: no folder imports one above it', () => {
    const wrong: string[] = []
    for (const [file, imports] of graph) {
      const from = folderOf(file)
      for (const target of imports) {
        const to = folderOf(target)
        if (to !== from && !MAY_IMPORT[from]?.includes(to)) wrong.push(`${file} -> ${target}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('has every file of core in a folder of its own layer', () => {
    const coreFiles = [...graph.keys()].filter((f) => folderOf(f) === 'core')
    expect(coreFiles.length).toBeGreaterThan(20)
    expect([...new Set(coreFiles.map(coreLayerOf))].filter((layer) => !(layer in CORE_MAY_IMPORT))).toEqual([])
  })

  it('imports only downwards inside core: integration, config, write, the operations, doctor', () => {
    const wrong: string[] = []
    for (const [file, imports] of graph) {
      if (folderOf(file) !== 'core') continue
      const from = coreLayerOf(file)
      for (const target of imports) {
        if (folderOf(target) !== 'core') continue
        const to = coreLayerOf(target)
        if (to !== from && !CORE_MAY_IMPORT[from]?.includes(to)) wrong.push(`${file} -> ${target}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('has no import cycle, type-only imports included', () => {
    expect(cycles()).toEqual([])
  })
})
