export interface StartupFacts {
  urls: Record<string, string>;
  store: string;
  dataDir: string;
  tlsCa: string | null;
  adminPassword: string | null;
  demoAccountsFile: string | null;
}

/** The plain-text summary printed once at start, for whoever runs `npm start` (the JSON log has the same facts). */
export function startupBanner(facts: StartupFacts): string {
  const width = Math.max(...Object.keys(facts.urls).map((k) => k.length));
  const lines = [
    '',
    'Tidewatch is running',
    ...Object.entries(facts.urls).map(([name, url]) => `  ${name.padEnd(width)}  ${url}`),
    `  data        ${facts.dataDir} (store: ${facts.store})`,
  ];
  if (facts.tlsCa) lines.push(`  tablets     install ${facts.tlsCa} as a trusted CA (see README, "HTTPS on tablets")`);
  if (facts.adminPassword) lines.push('', `  First run: user "admin", password "${facts.adminPassword}". It is shown only this once.`);
  if (facts.demoAccountsFile) lines.push(`  Demo accounts (commander, duty officer, wall, field tablets): ${facts.demoAccountsFile}`);
  return `${lines.join('\n')}\n\n`;
}
