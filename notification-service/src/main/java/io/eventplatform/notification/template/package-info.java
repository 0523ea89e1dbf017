/** Messages rendered from Thymeleaf templates, as plain text and HTML, in the recipient's language. */
package io.eventplatform.notification.template;
