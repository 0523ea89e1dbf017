/** Events about the platform itself: alerts its own rules raise on how it serves (e.g. a failing or slow route). */
@NullMarked
package io.eventplatform.contract.platform;

import org.jspecify.annotations.NullMarked;
