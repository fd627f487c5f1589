import { listenForMessages } from '@/utils/messaging';
import { resumeUnfinished } from '@/utils/publish/publisher';
import { handlers } from './handlers';

export default defineBackground({
  type: 'module',
  main() {
    listenForMessages(handlers);
    // A worker stopped mid-post left jobs behind: finish them now.
    void resumeUnfinished();
  },
});
