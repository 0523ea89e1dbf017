/**
 * Who may call what: every API and management request needs a token this gateway issued, carrying the scope of its route.
 */
@NullMarked
package io.eventplatform.gateway.security;

import org.jspecify.annotations.NullMarked;
