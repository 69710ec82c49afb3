// `npm start`: build, package the .vsix, then lint the sample bank so a new user sees the coach at work.
import { execFileSync, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
run('npm', ['run', '--silent', 'package']);
const size = statSync('star-stories.vsix').size;
console.log(`\nPackaged star-stories.vsix (${(size / 1024).toFixed(0)} KB). Install it with: code --install-extension star-stories.vsix\n`);
console.log('Linting examples/ (the sample bank has deliberately weak stories, so findings are expected):');
const lint = spawnSync(process.execPath, ['dist/cli.js', 'lint', 'examples'], { stdio: 'inherit' });
if (lint.error || lint.status === 2) process.exit(2);
