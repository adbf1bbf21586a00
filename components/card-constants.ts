// The two names the content script shares with the card's code, in a module of
// their own: importing them must not pull the card's code (Preact's hooks patch
// its options when loaded, so a bundler keeps them) into the content script.

/** Marks the card's host element, so the page scanner never reads the card's own text. */
export const CARD_HOST_ATTRIBUTE = 'data-reflens-card';

/** Where the injected card code leaves itself, in the content scripts' world (not the page's). */
export const CARD_UI_SLOT = '__reflensCardUi';
