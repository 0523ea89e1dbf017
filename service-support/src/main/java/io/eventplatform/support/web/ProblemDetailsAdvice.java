package io.eventplatform.support.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.validation.method.ParameterValidationResult;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Problem details for every error Spring MVC knows, plus an {@code errors} list for invalid input: each entry names
 * the field, the rule it broke and a message, so a client can show it next to the field.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/**
	 * Anything else is a 500 problem that says nothing of the cause (it is logged with its stack trace). Security's
	 * exceptions pass through, so that 401 and 403 keep their own answers.
	 */
	@ExceptionHandler(Exception.class)
	@Nullable ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
		if (isSecurityException(ex)) {
			throw ex;
		}
		log.error("Request failed unexpectedly", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed; the error has been logged");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	// By name: a service without Spring Security has neither class, and this advice must load there too.
	private static boolean isSecurityException(Exception ex) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			String name = type.getName();
			if (name.equals("org.springframework.security.access.AccessDeniedException")
					|| name.equals("org.springframework.security.core.AuthenticationException")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A controller annotated {@code @Validated} has its parameters checked by a method-validation proxy, which throws
	 * Bean Validation's own exception rather than Spring MVC's: 400, naming the parameter (the last node of the
	 * violation's path) and the rule, as for any other invalid input.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	@Nullable ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			String field = null;
			for (Path.Node node : violation.getPropertyPath()) {
				if (node.getKind() != ElementKind.METHOD) {
					field = node.getName() != null ? node.getName() : field;
				}
			}
			errors.add(new FieldProblem(field, violation.getConstraintDescriptor().getAnnotation().annotationType()
				.getSimpleName(), violation.getMessage()));
		}
		errors.sort(Comparator.comparing(FieldProblem::field, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(FieldProblem::rule));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.stream()
			.map(error -> (error.field() == null ? "" : error.field() + " ") + error.message())
			.collect(Collectors.joining("; ")));
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), rule(error), message(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(error -> errors.add(new FieldProblem(null, rule(error), message(error))));
		errors.sort(Comparator.comparing(FieldProblem::field, Comparator.nullsFirst(Comparator.naturalOrder())));
		ProblemDetail problem = ex.getBody();
		problem.setTitle("Invalid request");
		problem.setDetail(errors.stream()
			.map(error -> (error.field() == null ? "" : error.field() + " ") + error.message())
			.collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * Spring validates a handler method as a whole when one of its parameters carries a constraint (a header, a list
	 * of items): its errors name the parameter, and for a list item its index, e.g. {@code [3].temperatureCelsius}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String prefix = result.getContainerIndex() != null ? "[" + result.getContainerIndex() + "]"
					: result.getContainerKey() != null ? "[" + result.getContainerKey() + "]" : "";
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = error instanceof FieldError fieldError
						? (prefix.isEmpty() ? fieldError.getField() : prefix + "." + fieldError.getField())
						: (prefix.isEmpty() ? parameterName(result.getMethodParameter()) : prefix);
				errors.add(new FieldProblem(field, rule(error), message(error)));
			}
		}
		// Kept in the order Spring reports them: by parameter, and by index within a list ([2] before [10]).
		ProblemDetail problem = ex.getBody();
		problem.setTitle("Invalid request");
		problem.setDetail(errors.stream()
			.map(error -> error.field() + " " + error.message())
			.collect(Collectors.joining("; ")));
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	// Spring types a code and a default message as optional; Bean Validation always sets both. Should another source
	// leave one out, the answer stays a 400 that names a rule and says something.
	private static String rule(MessageSourceResolvable error) {
		String[] codes = error.getCodes();
		String code = error instanceof FieldError fieldError ? fieldError.getCode()
				: codes == null || codes.length == 0 ? null : codes[codes.length - 1];
		return Objects.requireNonNullElse(code, "invalid");
	}

	private static String message(MessageSourceResolvable error) {
		return Objects.requireNonNullElse(error.getDefaultMessage(), "is invalid");
	}

	/** What the client calls the parameter: the header or query parameter name, else the Java name. */
	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		// Known from the -parameters flag Spring Boot's build compiles with.
		return Objects.requireNonNullElse(parameter.getParameterName(), "parameter");
	}

	/**
	 * A query parameter, path variable or header that does not convert (a date that is not one): named with the rule
	 * {@code format}, as for a body field, without echoing the value.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				name + " has a value of the wrong type or format");
		problem.setTitle("Invalid request");
		problem.setProperty("errors",
				List.of(new FieldProblem(name, "format", "has a value of the wrong type or format")));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "The request body is not valid JSON");
		problem.setTitle("Unreadable request");
		if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			String field = databind.getPath()
				.stream()
				.map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining(".")).replace(".[", "[");
			problem.setDetail(field + " has a value of the wrong type or format");
			problem.setProperty("errors", List.of(new FieldProblem(field, "format",
					"has a value of the wrong type or format")));
		}
		else if (ex.getCause() instanceof JacksonException) {
			problem.setDetail("The request body is not well-formed JSON");
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}
}
