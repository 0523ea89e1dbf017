/**
 * The OAuth2 authorisation server that issues the platform's JWT access tokens to clients (client-credentials grant)
 * and signs people in to the console (OpenID Connect, authorisation code with PKCE).
 */
@NullMarked
package io.eventplatform.gateway.token;

import org.jspecify.annotations.NullMarked;
