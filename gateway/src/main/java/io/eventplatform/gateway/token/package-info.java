/**
 * The OAuth2 authorisation server that issues the platform's JWT access tokens to clients (client-credentials grant).
 */
package io.eventplatform.gateway.token;
