/**
 * The platform's only public entrance: it issues OAuth2 access tokens, checks them and routes API calls to the services.
 */
package io.eventplatform.gateway;
