/** Messages rendered from Thymeleaf templates, as plain text and HTML, in the recipient's language. */
@NullMarked
package io.eventplatform.notification.template;

import org.jspecify.annotations.NullMarked;
