/** Events the gateway writes about the calls it serves. */
@NullMarked
package io.eventplatform.contract.gateway;

import org.jspecify.annotations.NullMarked;
