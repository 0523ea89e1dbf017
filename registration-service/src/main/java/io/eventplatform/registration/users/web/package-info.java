/** The users API: {@code POST /api/users} and {@code GET /api/users/{id}}. */
@NullMarked
package io.eventplatform.registration.users.web;

import org.jspecify.annotations.NullMarked;
