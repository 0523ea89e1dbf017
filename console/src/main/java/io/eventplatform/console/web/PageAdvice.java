package io.eventplatform.console.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page shows (who is signed in, whether they may act) and how a page fails: a readable page naming the
 * problem, never a stack trace. Ahead of service-support's problem-details advice, which answers API calls.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

	@ModelAttribute("person")
	@Nullable String person(@Nullable Authentication authentication) {
		return authentication == null ? null : authentication.getName();
	}

	@ModelAttribute("operator")
	boolean operator(@Nullable Authentication authentication) {
		return authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority()));
	}

	@ExceptionHandler(PageProblem.class)
	ModelAndView problem(PageProblem problem) {
		return errorPage(problem.status(), problem.getMessage());
	}

	/** A form or query parameter that does not fit (a time that is no ISO-8601 instant, a missing field). */
	@ExceptionHandler({ BindException.class, MissingServletRequestParameterException.class,
			MethodArgumentTypeMismatchException.class })
	ModelAndView badInput(Exception ex) {
		String field = null;
		if (ex instanceof BindException bind) {
			var error = bind.getFieldError();
			field = error == null ? null : error.getField();
		}
		else if (ex instanceof MissingServletRequestParameterException missing) {
			field = missing.getParameterName();
		}
		else if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			field = mismatch.getName();
		}
		String detail = field == null ? "The input is not valid" : "The field " + field + " is missing or not valid";
		return errorPage(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException) {
			throw ex;
		}
		log.error("A page failed", ex);
		return errorPage(HttpStatus.INTERNAL_SERVER_ERROR, "The page could not be shown; the error has been logged.");
	}

	private static ModelAndView errorPage(HttpStatus status, @Nullable String message) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("message", message == null ? "" : message);
		return page;
	}
}
