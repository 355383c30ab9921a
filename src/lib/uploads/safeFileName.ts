import { stripInvisibleControls } from '../text/invisibleControls'

/**
 * A name for a stored upload: the uploader's name without folders, invisible controls or inner
 * dots (`shell.php.png` → `shell-php`), letters, digits, `-` and `_` only (Persian letters kept),
 * then the one extension the file's content proves. `../../x.png` cannot climb out of the folder
 * and `photo.png.php` is never served as anything but what it is.
 */
export function safeFileName(original: string, extension: string): string {
  const withoutFolders = stripInvisibleControls(original).split(/[\\/]/).pop() ?? ''
  const stem = withoutFolders.replace(/\.[^.]*$/, '')
  const base = stem
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_\u200c-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-\u200c]+|[-\u200c]+$/g, '')
    .slice(0, 80)
  return `${base || 'file'}.${extension}`
}
