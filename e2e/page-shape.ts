import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';

/**
 * A fingerprint of what axe looks at on a page: every element with its attributes, and whether
 * each piece of text is there (not what it says). Record ids, tokens and nonces are blanked, so
 * the same page shown again for another record, or with other words typed in, has the same
 * shape; a new message, error, row or field gives a new one.
 */
export async function pageShape(page: Page): Promise<string> {
  const outline = await page.evaluate<string>(`(() => {
    const LONG_TOKEN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_.-]{20,}/gi;
    const parts = [];
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent.trim() !== '') parts.push('#');
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const attributes = [...node.attributes]
        .filter((attribute) => attribute.name !== 'nonce')
        .map((attribute) => attribute.name + '=' + attribute.value.replace(LONG_TOKEN, '~'))
        .sort();
      parts.push('<' + node.tagName + ' ' + attributes.join(' ') + '>');
      for (const child of node.childNodes) walk(child);
      parts.push('</>');
    };
    walk(document.documentElement);
    return parts.join('');
  })()`);
  return createHash('sha256').update(outline).digest('hex');
}
