/**
 * Who may touch what: the accounts a client owns (the token's {@code accounts} claim), administrative reads with
 * {@code platform:admin}, and the one masking rule for personal data shown to clients not entitled to it.
 */
@NullMarked
package io.eventplatform.support.access;

import org.jspecify.annotations.NullMarked;
