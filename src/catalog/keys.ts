/**
 * Names that cross file boundaries at run time. Kept in one place because the
 * URL query names and the attached-data names differ only by case (docs/genesys.md#attached-data):
 * the widget reads `visitId` from its URL and attaches `visitID`.
 */
export const KEYS = {
  /** Query parameters the invitation puts on the widget URL (the guide's widget reads `getUrlVars('visitId')`). */
  urlScenario: 'gmsScenario',
  urlVisitId: 'visitId',
  urlPageId: 'pageId',
  /** Attached-data keys the interaction must carry, spelled with a capital ID. */
  attachedVisitId: 'visitID',
  attachedPageId: 'pageID',
  /** Its presence marks a proactively created interaction; GWE 8.5 asks for an empty value. */
  attachedMarker: 'webengagement',
  attachedMarkerValue: '',
  /**
   * Genesys Widgets: the extension's name in `window._genesys.widgets.extensions`, the CXBus
   * plugin it registers, and the one object it exposes for the invitation, which Widgets
   * never hands a bus (only extensions get CXBus, as an argument).
   */
  widgetsExtension: 'GweInt',
  widgetsPlugin: 'GweInt',
  widgetsBridge: 'gweIntWidgets',
} as const

/** The attached-data keys every second-party medium must set (docs/genesys.md#attached-data). */
export const ATTACHED_DATA_KEYS = [KEYS.attachedVisitId, KEYS.attachedPageId, KEYS.attachedMarker] as const
