// wxerr mini-program: everything runs on the bundled catalog; no network is used.
import { loadPrebuiltIndex } from './adapters/search-index';

App<IAppOption>({
  globalData: {},
  onLaunch() {
    // The search index subpackage downloads while the first page renders (分包异步化).
    void loadPrebuiltIndex();
  },
});
