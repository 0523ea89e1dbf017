/**
 * The platform's only public entrance: it issues OAuth2 access tokens, checks them and routes API calls to the services.
 */
@NullMarked
package io.eventplatform.gateway;

import org.jspecify.annotations.NullMarked;
