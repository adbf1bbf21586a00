/** Marks the card's host element, so the page scanner never reads the card's own text. */
export const CARD_HOST_ATTRIBUTE = 'data-reflens-card';
