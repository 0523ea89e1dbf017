/** Events about users of the platform. */
@NullMarked
package io.eventplatform.contract.users;

import org.jspecify.annotations.NullMarked;
