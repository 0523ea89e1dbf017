/**
 * The OAuth2 authorisation server that issues the platform's JWT access tokens to clients (client-credentials grant).
 */
@NullMarked
package io.eventplatform.gateway.token;

import org.jspecify.annotations.NullMarked;
