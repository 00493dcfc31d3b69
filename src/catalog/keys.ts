/**
 * Names that cross file boundaries at run time. Kept in one place because the
 * URL query names and the attached-data names differ only by case (domain.md §8,
 * seed bug 6): the widget reads `visitId` from its URL and attaches `visitID`.
 */
export const KEYS = {
  /** Query parameters the invitation puts on the widget URL (S0: `getUrlVars('visitId')`). */
  urlScenario: 'gmsScenario',
  urlVisitId: 'visitId',
  urlPageId: 'pageId',
  /** Attached-data keys the interaction must carry (S0, S1: capital ID). */
  attachedVisitId: 'visitID',
  attachedPageId: 'pageID',
  /** S0/S1: presence marks a proactively created interaction; S1 asks for an empty value. */
  attachedMarker: 'webengagement',
  attachedMarkerValue: '',
} as const

/** The attached-data keys every second-party medium must set (domain.md §11 D). */
export const ATTACHED_DATA_KEYS = [KEYS.attachedVisitId, KEYS.attachedPageId, KEYS.attachedMarker] as const
