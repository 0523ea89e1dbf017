/** Events the gateway writes about the calls it serves. */
package io.eventplatform.contract.gateway;
