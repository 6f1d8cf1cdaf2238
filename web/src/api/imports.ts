import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FileOutcomeResponse, ImportEvent, importListReply } from '../../../src/http/schemas/imports.js';
import { apiEvents, apiRequest } from './client.js';

// Report files imported through the page, the demo loaded, and the import history (docs/api/imports.md).

export type { FileOutcomeResponse, ImportEvent };
export type ImportList = z.infer<typeof importListReply>;
export type ImportRun = ImportList['items'][number];
export type ImportedFile = Exclude<FileOutcomeResponse, { error: unknown }>;
export type ReportType = ImportedFile['reportType'];

export const historyPageSize = 20;

export function useImportHistory(accountId: number, offset: number) {
  return useQuery({
    queryKey: ['imports', accountId, offset],
    queryFn: ({ signal }) => apiRequest<ImportList>(`/api/accounts/${accountId}/imports`, { query: { limit: historyPageSize, offset }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Uploads report files as multipart, with `marketplace` for files that do not name theirs; events as they come. */
export function streamUpload(accountId: number, files: readonly File[], marketplace: string, onEvent: (event: ImportEvent) => void): Promise<void> {
  const form = new FormData();
  if (marketplace !== '') form.append('marketplace', marketplace);
  for (const file of files) form.append('files', file, file.name);
  return apiEvents(`/api/accounts/${accountId}/imports`, form, (event) => onEvent(event as ImportEvent));
}

/** Loads the demo seller's year (seed 42, as `returndesk demo`); events as they come. */
export function streamDemo(accountId: number, onEvent: (event: ImportEvent) => void): Promise<void> {
  return apiEvents(`/api/accounts/${accountId}/demo`, {}, (event) => onEvent(event as ImportEvent));
}

/** What an import changes: the history, and the cases the queue shows. */
export function useRefreshAfterImport(accountId: number): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['imports', accountId] }),
      client.invalidateQueries({ queryKey: ['queue', accountId] }),
    ]);
  };
}
