/** Sign-in through the gateway's authorization server, the viewer and operator roles, and what each may do. */
@NullMarked
package io.eventplatform.console.security;

import org.jspecify.annotations.NullMarked;
