/**
 * The script of the customer page: src/preview/browser/customer.js (what it stands in
 * for is said there), served at CLIENT_SCRIPT_PATH.
 */
import {browserScript} from './browser-scripts.js'

export const CLIENT_SCRIPT_PATH = '/__gwe-int/customer.js'

export const CLIENT_SCRIPT = browserScript('customer.js')
