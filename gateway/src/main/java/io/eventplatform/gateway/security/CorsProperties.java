package io.eventplatform.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which web pages may call the API from a browser ({@code platform.gateway.cors.*}). None by default: the API serves
 * machines, and a page of another origin gets no CORS headers, so its browser refuses the answer.
 *
 * @param allowedOrigins exact origins such as {@code https://dashboard.example.com} (no wildcards)
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("platform.gateway.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {
}
