// Files the API hands out: evidence, claim packets, report tables, the adjustment feed.

/**
 * The headers of a download: its media type (never one chosen by a stored file), `nosniff` so a
 * browser keeps to it, and `attachment` so nothing opens in the API's origin. The name is reduced to
 * `[A-Za-z0-9._-]` for the plain parameter and also given percent-encoded (RFC 6266, RFC 8187).
 */
export function attachmentHeaders(fileName: string, mediaType: string): Record<string, string> {
  const plain = fileName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '') || 'download';
  return {
    'content-type': mediaType,
    'content-disposition': `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    'x-content-type-options': 'nosniff',
  };
}
