/** Entry point of `dist/cli.js` (the `star-stories` bin). */
import { main } from './main';

export { main };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
