import { safeRedirectPath } from '../../src/lib/safeRedirect'

describe('redirect parameters', () => {
  it.each([
    '/\\evil.example',
    '/\t/evil.example',
    '/\r/evil.example',
    '/\n/evil.example',
    '//evil.example',
    '\\\\evil.example',
    '/\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '',
  ])('%j falls back to the fallback', (value) => {
    expect(safeRedirectPath(value, '/account')).toBe('/account')
  })

  it.each([
    ['/news/x?a=1#b', '/news/x?a=1#b'],
    ['/account/tickets', '/account/tickets'],
    ['/a/../b', '/b'],
    ['/\r\nSet-Cookie: x=1', '/Set-Cookie:%20x=1'],
    ['/اخبار', '/%D8%A7%D8%AE%D8%A8%D8%A7%D8%B1'],
  ])('%j stays on the site as %j', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected)
  })

  it('refuses what is not a string', () => {
    expect(safeRedirectPath(['/a', '//evil.example'])).toBe('/')
    expect(safeRedirectPath(undefined)).toBe('/')
  })
})
