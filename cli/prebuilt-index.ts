// Node (the CLI, tests, benches) has no subpackages: it imports the prebuilt search index directly and hands
// it to the core at once, so its first answer never waits for an index built from the texts.
import { installPrebuiltIndex } from '../miniprogram/core/search';
import { SEARCH_INDEX } from '../miniprogram/subpackages/search-index/search-index';

installPrebuiltIndex(SEARCH_INDEX);
