// Where the browser tests build and serve the web app: web/dist, unless RETURNDESK_E2E_WEB_DIR names
// another folder. Two people (or agents) running browser tests from one checkout at once each set
// their own, so neither one's build replaces the files the other's server is serving.

export function e2eWebDirectory(): string | undefined {
  const dir = process.env.RETURNDESK_E2E_WEB_DIR;
  return dir === undefined || dir === '' ? undefined : dir;
}
