import { SrxError } from './types.ts'

// SRX rules are ICU regular expressions (OmegaT writes Java's, which agree on what rule sets
// use). JavaScript with the `u` flag differs where it matters for text: `\b`, `\w` and `\d` are
// ASCII-only there, an identity escape such as `\-` or `\,` is a syntax error, a lone `{` is
// one too, and possessive quantifiers, `\Q…\E`, `\x{…}` and Java's property names do not exist.
// We rewrite those; what has no equivalent (class intersection, inline flags after the start)
// is refused with the rule's location rather than guessed.

const WORD = '\\p{L}\\p{M}\\p{Nd}\\p{Pc}'
const WORD_BOUNDARY = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`
const NOT_WORD_BOUNDARY = `(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`
const SYNTAX = new Set([...'^$\\.*+?()[]{}|/'])

// Java and POSIX names ICU accepts beside Unicode's own.
const PROPERTY_ALIASES: Record<string, string> = {
  Lower: 'Ll',
  Upper: 'Lu',
  javaLowerCase: 'Ll',
  javaUpperCase: 'Lu',
  Alpha: 'Alphabetic',
  IsAlphabetic: 'Alphabetic',
  Digit: 'Nd',
  Punct: 'P',
  Space: 'White_Space',
  IsWhite_Space: 'White_Space',
  IsPunctuation: 'P',
  IsLetter: 'L',
  IsUppercase: 'Lu',
  IsLowercase: 'Ll',
  IsDigit: 'Nd',
}

function property(name: string): string {
  const alias = PROPERTY_ALIASES[name]
  if (alias) return alias
  // `\p{IsCyrillic}`, `\p{InCyrillic}` (Java script and block names): the script is close enough.
  const script = /^(?:Is|In)([A-Z][A-Za-z_]+)$/u.exec(name)?.[1]
  if (script) return `Script=${script}`
  return name
}

export interface JsPattern {
  source: string
  ignoreCase: boolean
}

function fail(where: string, message: string): never {
  throw new SrxError('srx.bad_regex', `${where}: ${message}`)
}

/** Rewrites an ICU regular expression as a JavaScript one for the `u` flag. */
export function convertIcuRegex(icu: string, where: string): JsPattern {
  let ignoreCase = false
  let k = 0
  const leading = /^\(\?([imsxu]+)\)/u.exec(icu)
  if (leading) {
    if (/[mx]/u.test(leading[1]!)) fail(where, `inline flags (?${leading[1]}) are not supported`)
    ignoreCase = leading[1]!.includes('i')
    k = leading[0].length
  }
  let out = ''
  let classDepth = 0
  while (k < icu.length) {
    const char = icu[k]!
    if (char === '\\') {
      const next = icu[k + 1]
      if (next === undefined) fail(where, 'the expression ends with a lone backslash')
      k += 2
      if (next === 'Q') {
        const end = icu.indexOf('\\E', k)
        const quoted = end < 0 ? icu.slice(k) : icu.slice(k, end)
        out += [...quoted].map((c) => (SYNTAX.has(c) || c === '-' ? '\\' + c : c)).join('')
        k = end < 0 ? icu.length : end + 2
      } else if (next === 'b') out += classDepth ? '\\x08' : WORD_BOUNDARY
      else if (next === 'B') {
        if (classDepth) fail(where, '\\B inside [...]')
        out += NOT_WORD_BOUNDARY
      } else if (next === 'w') out += classDepth ? WORD : `[${WORD}]`
      else if (next === 'W') {
        if (classDepth) fail(where, '\\W inside [...] is not supported')
        out += `[^${WORD}]`
      } else if (next === 'd') out += '\\p{Nd}'
      else if (next === 'D') out += '\\P{Nd}'
      else if (next === 'h') out += classDepth ? '\\t\\p{Zs}' : '[\\t\\p{Zs}]'
      else if (next === 'A') out += '^'
      else if (next === 'z' || next === 'Z') out += '$'
      else if (next === 'e') out += '\\x1b'
      else if (next === 'a') out += '\\x07'
      else if (next === 'x' && icu[k] === '{') {
        const end = icu.indexOf('}', k)
        if (end < 0) fail(where, 'unterminated \\x{...}')
        out += `\\u{${icu.slice(k + 1, end)}}`
        k = end + 1
      } else if (next === 'U') {
        out += `\\u{${icu.slice(k, k + 8)}}`
        k += 8
      } else if ((next === 'p' || next === 'P') && icu[k] === '{') {
        const end = icu.indexOf('}', k)
        if (end < 0) fail(where, `unterminated \\${next}{...}`)
        const name = property(icu.slice(k + 1, end).replace(/\s+/gu, ''))
        out += `\\${next}{${name}}`
        k = end + 1
      } else if (/[0-9A-Za-z]/u.test(next)) {
        if ('GNXRKk'.includes(next) && !(next === 'k' && icu[k] === '<')) {
          fail(where, `\\${next} is not supported`)
        }
        out += '\\' + next
      } else if (SYNTAX.has(next) || (classDepth > 0 && next === '-')) out += '\\' + next
      else out += next
      continue
    }
    if (classDepth > 0) {
      if (char === '[') {
        // ICU unions `[a-z[0-9]]` flatten; intersections and nested negations do not.
        if (icu[k + 1] === '^') fail(where, 'a negated class inside [...] is not supported')
        if (icu.startsWith('[:', k)) fail(where, 'POSIX classes [:name:] are not supported')
        classDepth++
        k++
        continue
      }
      if (char === '&' && icu[k + 1] === '&') fail(where, 'class intersection && is not supported')
      if (char === ']') {
        classDepth--
        if (classDepth === 0) out += ']'
        k++
        continue
      }
      out += char
      k++
      continue
    }
    if (char === '[') {
      classDepth = 1
      out += '['
      k++
      if (icu[k] === '^') {
        out += '^'
        k++
      }
      // A `]` first in a class is a literal in ICU.
      if (icu[k] === ']') {
        out += '\\]'
        k++
      }
      continue
    }
    if (char === '(' && icu.startsWith('(?>', k)) {
      out += '(?:' // atomic group: the same matches for the rules SRX files hold
      k += 3
      continue
    }
    if (char === '(' && /^\(\?[imsxu-]+[):]/u.test(icu.slice(k))) {
      fail(where, 'inline flags are only supported at the very start, as (?i)')
    }
    if (char === '{') {
      const quantifier = /^\{\d+(?:,\d*)?\}/u.exec(icu.slice(k))?.[0]
      if (quantifier) {
        out += quantifier
        k += quantifier.length
        if (icu[k] === '+') k++ // possessive
        continue
      }
      out += '\\{'
      k++
      continue
    }
    if (char === '}' || char === ']') {
      out += '\\' + char
      k++
      continue
    }
    if ((char === '*' || char === '+' || char === '?') && icu[k + 1] === '+') {
      out += char // possessive: greedy is the same for these rules
      k += 2
      continue
    }
    out += char
    k++
  }
  if (classDepth > 0) fail(where, 'unterminated [...]')
  return { source: out, ignoreCase }
}

/** Converts and compiles, or throws `SrxError('srx.bad_regex')` naming `where`. */
export function toJsRegExp(icu: string, where: string, flags = ''): RegExp {
  const { source, ignoreCase } = convertIcuRegex(icu, where)
  try {
    return new RegExp(source, `u${ignoreCase ? 'i' : ''}${flags}`)
  } catch (error) {
    return fail(where, error instanceof Error ? error.message : String(error))
  }
}

/** `text` as an ICU (and JavaScript) pattern matching it literally. */
export const escapeIcu = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/-]/gu, '\\$&')
