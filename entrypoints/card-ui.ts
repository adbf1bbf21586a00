// The card's code (Preact, floating-ui, the card components), injected by the background
// into a frame on its first hover (the `loadCardUi` message) rather than shipped in the
// content script: most pages are read without a single card, and they should not pay
// for evaluating it.
import { CARD_UI_SLOT } from '../components/card-constants.ts';
import { cardUi } from '../components/card-ui.ts';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_UI_SLOT] = cardUi;
});
