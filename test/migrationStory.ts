/**
 * The migration story the CLI, protocol and fuzz tests lint, in the compact layout a user types
 * (no blank line under a heading). Each test states only the sections it changes, so what it is
 * about stands out.
 */
export interface MigrationParts {
  title?: string;
  principles?: string;
  situation?: string;
  task?: string;
  action: string;
  result: string;
  reflection?: string;
}

export function migrationStory(parts: MigrationParts): string {
  const sections: Array<[string, string | undefined]> = [
    ['Situation', parts.situation ?? 'Our billing database was being retired.'],
    ['Task', parts.task ?? 'We had to move it.'],
    ['Action', parts.action],
    ['Result', parts.result],
    ['Reflection', parts.reflection],
  ];
  const lines = [`# ${parts.title ?? 'Migration'}`, `Principles: ${parts.principles ?? 'Ownership'}`];
  for (const [name, body] of sections) if (body !== undefined) lines.push('', `## ${name}`, body);
  return lines.join('\n') + '\n';
}

/** The longer form: `# Billing migration`, its database going out of support. */
export function billingMigration(parts: Omit<MigrationParts, 'title' | 'situation'>): string {
  return migrationStory({
    ...parts,
    title: 'Billing migration',
    situation: 'Our billing service ran on a database that was going out of support.',
  });
}
