/** The users API: {@code POST /api/users} and {@code GET /api/users/{id}}. */
package io.eventplatform.registration.users.web;
