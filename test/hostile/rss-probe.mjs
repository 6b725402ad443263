// Preloaded into a child `node` (`--import`) by the hostile tests: on exit, writes the process's
// peak RSS (KiB) to $OGI_RSS_FILE, so memory is bounded without needing /usr/bin/time.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.OGI_RSS_FILE) writeFileSync(process.env.OGI_RSS_FILE, String(process.resourceUsage().maxRSS));
});
